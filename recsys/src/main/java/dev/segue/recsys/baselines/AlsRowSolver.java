package dev.segue.recsys.baselines;

/**
 * The per-row least-squares problem of implicit ALS on a binary matrix (Hu, Koren & Volinsky 2008):
 * for a row with observed columns J and the other side's factors Y [n, k],
 * <pre>
 *   A = YᵀY + λI + α Σ_{j∈J} y_j y_jᵀ      (confidence c = 1 + α on observed cells, 1 elsewhere)
 *   b = (1 + α) Σ_{j∈J} y_j                 (preference 1 on observed cells)
 * </pre>
 * {@link #conjugateGradient} takes a few CG steps from the current x without forming A (Takács, Pilászy
 * & Tikk 2011): A·p costs O(k² + |J|·k) using the shared {@code gram} = YᵀY + λI. {@link #exact} forms A
 * and solves it by Cholesky (the reference for tests).
 */
public final class AlsRowSolver {
    private AlsRowSolver() {}

    /** Scratch vectors of one thread, reused across rows. */
    public static final class Work {
        final double[] x, r, p, ap, b;
        public Work(int k) { x = new double[k]; r = new double[k]; p = new double[k]; ap = new double[k]; b = new double[k]; }
    }

    /** A·v = gram·v + α Σ_j (y_j·v) y_j, into out. gram [k, k] row-major double (YᵀY + λI). */
    static void apply(double[] gram, float[] y, int k, int[] cols, int from, int to, double alpha, double[] v, double[] out) {
        for (int a = 0; a < k; a++) {
            double s = 0;
            for (int c = 0; c < k; c++) s += gram[a * k + c] * v[c];
            out[a] = s;
        }
        for (int t = from; t < to; t++) {
            int o = cols[t] * k;
            double dot = 0;
            for (int c = 0; c < k; c++) dot += y[o + c] * v[c];
            double w = alpha * dot;
            for (int c = 0; c < k; c++) out[c] += w * y[o + c];
        }
    }

    /**
     * Updates row {@code row} of x [m, k] in place with {@code steps} CG iterations warm-started from its
     * current value. Rows without observations get the exact solution 0.
     */
    public static void conjugateGradient(double[] gram, float[] y, int k, int[] cols, int from, int to, double alpha,
                                         int steps, float[] xs, int row, Work w) {
        int xo = row * k;
        if (from == to) { java.util.Arrays.fill(xs, xo, xo + k, 0f); return; }
        double[] x = w.x, r = w.r, p = w.p, ap = w.ap;
        for (int c = 0; c < k; c++) x[c] = xs[xo + c];
        // r = b − A x
        apply(gram, y, k, cols, from, to, alpha, x, ap);
        for (int c = 0; c < k; c++) r[c] = -ap[c];
        for (int t = from; t < to; t++) {
            int o = cols[t] * k;
            for (int c = 0; c < k; c++) r[c] += (1 + alpha) * y[o + c];
        }
        System.arraycopy(r, 0, p, 0, k);
        double rs = dot(r, r, k);
        for (int it = 0; it < steps && rs > 1e-20; it++) {
            apply(gram, y, k, cols, from, to, alpha, p, ap);
            double step = rs / dot(p, ap, k);
            for (int c = 0; c < k; c++) { x[c] += step * p[c]; r[c] -= step * ap[c]; }
            double next = dot(r, r, k);
            double beta = next / rs;
            for (int c = 0; c < k; c++) p[c] = r[c] + beta * p[c];
            rs = next;
        }
        for (int c = 0; c < k; c++) xs[xo + c] = (float) x[c];
    }

    /** The exact minimiser A⁻¹b of the row problem, written into row {@code row} of xs. */
    public static void exact(double[] gram, float[] y, int k, int[] cols, int from, int to, double alpha, float[] xs, int row) {
        double[] a = gram.clone(), b = new double[k];
        for (int t = from; t < to; t++) {
            int o = cols[t] * k;
            for (int i = 0; i < k; i++) {
                b[i] += (1 + alpha) * y[o + i];
                for (int j = 0; j < k; j++) a[i * k + j] += alpha * y[o + i] * y[o + j];
            }
        }
        double[] x = Cholesky.solve(a, b, k);
        for (int c = 0; c < k; c++) xs[row * k + c] = (float) x[c];
    }

    static double dot(double[] a, double[] b, int k) {
        double s = 0;
        for (int c = 0; c < k; c++) s += a[c] * b[c];
        return s;
    }
}
