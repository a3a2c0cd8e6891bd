package dev.segue.dsp.spectral;

import dev.segue.dsp.FloatMatrix;

/**
 * librosa.feature.delta (mode 'interp'): a Savitzky-Golay derivative of the given order along time, fitting a polynomial
 * of degree {@code order} over {@code width} frames; near the edges the polynomial fitted to the first/last window is used.
 */
public final class Delta {
    private Delta() {}

    /** x: [rows, frames]; width odd >= 3; requires frames >= width (librosa raises otherwise). */
    public static FloatMatrix delta(FloatMatrix x, int width, int order) {
        if (width < 3 || width % 2 == 0) throw new IllegalArgumentException("delta width must be odd and >= 3, got " + width);
        if (order < 1) throw new IllegalArgumentException("delta order must be >= 1");
        int frames = x.cols();
        if (frames < width) throw new IllegalArgumentException("delta width " + width + " exceeds the " + frames + " frames; use a smaller width");
        int half = width / 2;
        // fit[t][j]: weight of window sample j in the order-th derivative, evaluated at window position t (least squares, degree = order)
        double[][] fit = new double[width][];
        for (int t = 0; t < width; t++) fit[t] = derivativeWeights(width, order, t);
        float[] out = new float[x.data().length];
        for (int r = 0; r < x.rows(); r++) {
            int base = r * frames;
            for (int t = 0; t < frames; t++) {
                int start, pos;
                if (t < half) { start = 0; pos = t; }
                else if (t >= frames - half) { start = frames - width; pos = t - start; }
                else { start = t - half; pos = half; }
                double acc = 0;
                for (int j = 0; j < width; j++) acc += fit[pos][j] * x.data()[base + start + j];
                out[base + t] = (float) acc;
            }
        }
        return new FloatMatrix(x.rows(), frames, out);
    }

    /** Weights w_j with sum_j w_j y_j = d^order/dt^order of the degree-`order` least-squares polynomial through (j, y_j), at t. */
    static double[] derivativeWeights(int width, int degree, int at) {
        int m = degree + 1;
        // normal equations A^T A c = A^T y with A[j][p] = (j - at)^p; derivative of order `degree` at `at` is degree! * c_degree
        double[][] ata = new double[m][m];
        for (int j = 0; j < width; j++) {
            double u = j - at;
            for (int p = 0; p < m; p++) for (int q = 0; q < m; q++) ata[p][q] += Math.pow(u, p) * Math.pow(u, q);
        }
        double[][] inv = invert(ata);
        double fact = 1;
        for (int i = 2; i <= degree; i++) fact *= i;
        double[] w = new double[width];
        for (int j = 0; j < width; j++) {
            double u = j - at, s = 0;
            for (int q = 0; q < m; q++) s += inv[degree][q] * Math.pow(u, q);
            w[j] = fact * s;
        }
        return w;
    }

    private static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) { System.arraycopy(a[i], 0, m[i], 0, n); m[i][n + i] = 1; }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
            double[] tmp = m[c]; m[c] = m[piv]; m[piv] = tmp;
            double d = m[c][c];
            for (int k = 0; k < 2 * n; k++) m[c][k] /= d;
            for (int r = 0; r < n; r++) if (r != c) {
                double f = m[r][c];
                for (int k = 0; k < 2 * n; k++) m[r][k] -= f * m[c][k];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(m[i], n, inv[i], 0, n);
        return inv;
    }
}
