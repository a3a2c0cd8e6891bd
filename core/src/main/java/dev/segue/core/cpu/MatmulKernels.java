package dev.segue.core.cpu;

import dev.segue.core.Tensor;

import static dev.segue.core.cpu.CpuBackend.st;

/**
 * Batched matrix products on 3-D views a [B, M, K], b [B, K, N], c [B, M, N]. Each operand's inner
 * layout is read off its strides: row-major (last stride 1) or transposed (middle stride 1) go to the
 * GEMM as they are, anything else is copied first. A batch stride of 0 broadcasts an operand.
 */
final class MatmulKernels {
    private MatmulKernels() {}

    /** Layout of one operand: transposed flag, leading dimension, batch stride, offset, backing tensor. */
    private record Operand(Tensor t, boolean trans, int ld, int batchStride) {}

    private static Operand operand(Tensor t) {
        int[] s = t.shape(), st = t.strides();
        int rows = s[1], cols = s[2];
        boolean expandedInner = (rows > 1 && st[1] == 0) || (cols > 1 && st[2] == 0);
        if (!expandedInner) {
            if (cols == 1 || st[2] == 1) {                       // row-major: element (r, c) at r*ld + c
                int ld = rows == 1 ? Math.max(cols, 1) : st[1];
                if (ld >= Math.max(cols, 1)) return new Operand(t, false, ld, st[0]);
            }
            if (rows == 1 || st[1] == 1) {                       // transposed: element (r, c) at c*ld + r
                int ld = cols == 1 ? Math.max(rows, 1) : st[2];
                if (ld >= Math.max(rows, 1)) return new Operand(t, true, ld, st[0]);
            }
        }
        Tensor c = Tensor.empty(t.backend(), t.dtype(), s);
        ElementwiseKernels.copy(t, c);
        return new Operand(c, false, Math.max(cols, 1), rows * cols);
    }

    static void matmul(Tensor a, Tensor b, Tensor c, double alpha, double beta) {
        int[] as = a.shape(), bs = b.shape(), cs = c.shape();
        int batch = cs[0], m = cs[1], n = cs[2], k = as[2];
        if (as[0] != batch && as[0] != 1 || bs[0] != batch && bs[0] != 1 || as[1] != m || bs[1] != k || bs[2] != n)
            throw new IllegalArgumentException("matmul: shapes " + java.util.Arrays.toString(as) + " · " + java.util.Arrays.toString(bs) + " → " + java.util.Arrays.toString(cs) + " do not match");
        if (c.stride(2) != 1 && n > 1) throw new IllegalArgumentException("matmul: output must be row-major");
        Operand oa = operand(a), ob = operand(b);
        int sa = as[0] == 1 ? 0 : oa.batchStride, sb = bs[0] == 1 ? 0 : ob.batchStride;
        int ldc = Math.max(m == 1 ? n : c.stride(1), Math.max(n, 1));
        int scb = c.stride(0);
        CpuStorage xa = st(oa.t), xb = st(ob.t), xc = st(c);
        if (xa.f != null && xb.f != null && xc.f != null) {
            GemmDispatch.sgemmBatched(batch, oa.trans, ob.trans, m, n, k, (float) alpha,
                    xa.f, oa.t.offset(), oa.ld, sa, xb.f, ob.t.offset(), ob.ld, sb, (float) beta, xc.f, c.offset(), ldc, scb);
        } else {
            for (int bi = 0; bi < batch; bi++)
                dgemmNaive(oa.trans, ob.trans, m, n, k, alpha, xa, oa.t.offset() + bi * sa, oa.ld,
                        xb, ob.t.offset() + bi * sb, ob.ld, beta, xc, c.offset() + bi * scb, ldc);
        }
    }

    /** The double-precision reference path (used for float64 tensors, i.e. gradient checks). */
    private static void dgemmNaive(boolean ta, boolean tb, int m, int n, int k, double alpha,
                                   CpuStorage a, int ao, int lda, CpuStorage b, int bo, int ldb,
                                   double beta, CpuStorage c, int co, int ldc) {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int p = 0; p < k; p++) {
                    double x = a.get(ao + (ta ? p * lda + i : i * lda + p));
                    double y = b.get(bo + (tb ? j * ldb + p : p * ldb + j));
                    acc += x * y;
                }
                int ci = co + i * ldc + j;
                c.set(ci, alpha * acc + (beta == 0 ? 0 : beta * c.get(ci)));
            }
    }
}
