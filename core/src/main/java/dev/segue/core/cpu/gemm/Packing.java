package dev.segue.core.cpu.gemm;

/**
 * Copies blocks of op(A) and op(B) into the K-contiguous layouts the micro-kernels read with unit
 * stride. Transposition is absorbed here (no extra copy of the operand), and edges are zero-padded to
 * full panels so that the micro-kernel never needs a bounds test.
 */
final class Packing {
    private Packing() {}

    /** Depth of one strip of a transposing pack: 16 floats = one cache line of each source row. */
    private static final int TP = 16;

    /**
     * Packs rows [i0, i0+rows) × depth [p0, p0+kc) of op(A) as one panel of {@code mr} rows:
     * {@code dst[dOff + p*mr + r] = op(A)[i0+r, p0+p]}, rows ≥ {@code rows} zero.
     */
    static void packA(boolean trans, float[] a, int aOff, int lda, int i0, int rows, int p0, int kc,
                      int mr, float[] dst, int dOff) {
        if (!trans) { // op(A)[i,p] = a[aOff + i*lda + p]: walk each row contiguously
            for (int r = 0; r < rows; r++) {
                int src = aOff + (i0 + r) * lda + p0;
                for (int p = 0, d = dOff + r; p < kc; p++, d += mr) dst[d] = a[src + p];
            }
        } else { // op(A)[i,p] = a[aOff + p*lda + i]: mr consecutive floats per p
            for (int p = 0; p < kc; p++) {
                System.arraycopy(a, aOff + (p0 + p) * lda + i0, dst, dOff + p * mr, rows);
            }
        }
        if (rows < mr) {
            for (int p = 0; p < kc; p++) {
                for (int r = rows, d = dOff + p * mr + rows; r < mr; r++, d++) dst[d] = 0f;
            }
        }
    }

    /**
     * Packs depth [p0, p0+kc) × columns [j0, j0+cols) of op(B) as slivers of {@code nr} columns,
     * {@code step} floats apart: {@code dst[dOff + s*step + p*nr + j] = op(B)[p0+p, j0+s*nr+j]}, the
     * columns past {@code cols} in the last sliver zero. Several slivers at once so that, for B not
     * transposed, each row of B is read as one run of {@code cols} floats (streams well from memory);
     * {@code step > nr*kc} packs a band of the depth of a taller sliver.
     */
    static void packB(boolean trans, float[] b, int bOff, int ldb, int p0, int kc, int j0, int cols,
                      int nr, int step, float[] dst, int dOff) {
        final int slivers = (cols + nr - 1) / nr, tail = cols - (slivers - 1) * nr;
        if (!trans) { // op(B)[p,j] = b[bOff + p*ldb + j]: one contiguous run per p
            for (int p = 0; p < kc; p++) {
                int src = bOff + (p0 + p) * ldb + j0, d = dOff + p * nr;
                for (int s = 0; s < slivers - 1; s++, src += nr, d += step) System.arraycopy(b, src, dst, d, nr);
                System.arraycopy(b, src, dst, d, tail);
            }
        } else { // op(B)[p,j] = b[bOff + j*ldb + p]: a transpose, done in strips of TP rows of p so
            // that the strip's destination (TP × cols floats) and source lines stay in L1
            for (int pb = 0; pb < kc; pb += TP) {
                int pe = Math.min(kc, pb + TP);
                for (int j = 0; j < cols; j++) {
                    int src = bOff + (j0 + j) * ldb + p0, d = dOff + (j / nr) * step + j % nr + pb * nr;
                    for (int p = pb; p < pe; p++, d += nr) dst[d] = b[src + p];
                }
            }
        }
        if (tail < nr) {
            int base = dOff + (slivers - 1) * step;
            for (int p = 0; p < kc; p++) {
                for (int j = tail, d = base + p * nr + tail; j < nr; j++, d++) dst[d] = 0f;
            }
        }
    }
}
