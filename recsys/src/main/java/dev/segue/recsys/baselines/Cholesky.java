package dev.segue.recsys.baselines;

/** Solves A x = b for a symmetric positive-definite A [k, k] (row-major double) by Cholesky, A = L Lᵀ. */
final class Cholesky {
    private Cholesky() {}

    static double[] solve(double[] a, double[] b, int k) {
        double[] l = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * k + j];
                for (int t = 0; t < j; t++) s -= l[i * k + t] * l[j * k + t];
                if (i == j) {
                    if (s <= 0) throw new ArithmeticException("cholesky: matrix is not positive definite (pivot " + i + " = " + s + ")");
                    l[i * k + i] = Math.sqrt(s);
                } else {
                    l[i * k + j] = s / l[j * k + j];
                }
            }
        }
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {           // L z = b
            double s = b[i];
            for (int t = 0; t < i; t++) s -= l[i * k + t] * z[t];
            z[i] = s / l[i * k + i];
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {      // Lᵀ x = z
            double s = z[i];
            for (int t = i + 1; t < k; t++) s -= l[t * k + i] * x[t];
            x[i] = s / l[i * k + i];
        }
        return x;
    }
}
