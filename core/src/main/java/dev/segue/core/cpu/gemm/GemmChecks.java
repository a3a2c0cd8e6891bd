package dev.segue.core.cpu.gemm;

/** Argument validation for {@link Gemm}, done once per call so that the kernels can trust indices. */
final class GemmChecks {
    private GemmChecks() {}

    static void check(boolean transA, boolean transB, int m, int n, int k,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) throw new IllegalArgumentException("negative size m=" + m + " n=" + n + " k=" + k);
        // stored shapes: A is [m,k] or [k,m] (transA); B is [k,n] or [n,k] (transB); C is [m,n].
        // With m or n zero nothing is read, so A and B are only checked for their leading dimensions.
        boolean used = m > 0 && n > 0;
        matrix("A", a, aOff, lda, used ? (transA ? k : m) : 0, transA ? m : k);
        matrix("B", b, bOff, ldb, used ? (transB ? n : k) : 0, transB ? k : n);
        matrix("C", c, cOff, ldc, m, n);
    }

    private static void matrix(String name, float[] x, int off, int ld, int rows, int cols) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("leading dimension of " + name + " is " + ld + " < " + cols + " columns");
        }
        if (rows == 0 || cols == 0) return;
        if (x == null) throw new NullPointerException(name);
        long last = off + (long) (rows - 1) * ld + cols - 1;
        if (off < 0 || last >= x.length) {
            throw new IndexOutOfBoundsException(name + " [" + rows + "×" + cols + ", ld " + ld + "] at offset " + off
                    + " needs index " + last + " but the array has " + x.length);
        }
    }
}
