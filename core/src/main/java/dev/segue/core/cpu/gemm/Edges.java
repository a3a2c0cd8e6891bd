package dev.segue.core.cpu.gemm;

/** The write-back of a partial micro-tile, computed whole into a scratch tile by the kernel. */
final class Edges {
    private Edges() {}

    /**
     * {@code alpha·acc + beta·old}, rounded exactly as the vector kernels round it
     * ({@code fma(acc, alpha, old·beta)}); {@code beta == 0} ignores {@code old} (it may be NaN).
     */
    static float combine(float acc, float alpha, float beta, float old) {
        return beta == 0f ? acc * alpha : Math.fma(acc, alpha, old * beta);
    }

    /** Writes rows × cols of {@code tile} (row stride {@code nr}) into C at {@code co}, element (r, j) at co + r·rs + j·cs. */
    static void writeBack(float[] tile, int nr, int rows, int cols, float[] c, int co, int rs, int cs, float alpha, float beta) {
        if (cs == 1) {
            for (int r = 0; r < rows; r++) {
                int t = r * nr, o = co + r * rs;
                for (int j = 0; j < cols; j++) c[o + j] = combine(tile[t + j], alpha, beta, c[o + j]);
            }
            return;
        }
        for (int j = 0; j < cols; j++) {        // C holds the transpose: a tile column is a run of C
            int o = co + j * cs;
            for (int r = 0; r < rows; r++) c[o + r * rs] = combine(tile[r * nr + j], alpha, beta, c[o + r * rs]);
        }
    }
}
