package dev.segue.core.cpu;

import dev.segue.core.Backend.Reduce;
import dev.segue.core.Tensor;

import static dev.segue.core.cpu.CpuBackend.st;

/**
 * Reductions. The input is brought into one of two layouts and reduced there: reduced dims last
 * ("rows": out[i] = reduce x[i, 0..n)) or reduced dims first ("columns": out[j] = reduce x[0..m, j]).
 * Any other layout is permuted and copied into the rows layout first. Sums accumulate in double. Long
 * rows are cut into fixed chunks whose partial results are combined in order, so the result never
 * depends on the thread count.
 */
final class ReduceKernels {
    private ReduceKernels() {}

    private static final int CHUNK = 1 << 15;

    static void reduce(Reduce op, Tensor x, int[] dims, Tensor out) {
        int rank = x.dim();
        int[] shape = x.shape();
        boolean[] red = new boolean[rank];
        for (int d : dims) red[d] = true;
        int n = 1, outer = 1;
        for (int d = 0; d < rank; d++) if (red[d]) n *= shape[d]; else outer *= shape[d];
        CpuStorage so = st(out);
        if (x.numel() == 0) {   // empty reductions: sum 0, max/min undefined
            if (op != Reduce.SUM && outer > 0) throw new IllegalArgumentException(op.name().toLowerCase() + ": cannot reduce an empty dimension of a tensor of shape " + java.util.Arrays.toString(shape));
            for (int i = 0; i < outer; i++) so.set(out.offset() + i, 0);
            return;
        }
        // reduced dims first, over a contiguous x: column layout
        boolean prefix = true;
        for (int d = 0; d < rank; d++) if (red[d] && d > 0 && !red[d - 1]) prefix = false;
        if (x.isContiguous() && prefix && red.length > 0 && red[0] && outer > 1) {
            columns(op, st(x), x.offset(), n, outer, so, out.offset());
            return;
        }
        // reduced dims last: a permutation (outer dims, then reduced dims), made contiguous if needed
        int[] perm = new int[rank];
        int k = 0;
        for (int d = 0; d < rank; d++) if (!red[d]) perm[k++] = d;
        for (int d = 0; d < rank; d++) if (red[d]) perm[k++] = d;
        Tensor xp = permute(x, perm);
        if (!xp.isContiguous()) {
            Tensor c = Tensor.empty(x.backend(), x.dtype(), xp.shape());
            ElementwiseKernels.copy(xp, c);
            xp = c;
        }
        rows(op, st(xp), xp.offset(), outer, n, so, out.offset());
    }

    private static Tensor permute(Tensor x, int[] perm) {
        int[] s = x.shape(), st = x.strides();
        int[] ns = new int[perm.length], nst = new int[perm.length];
        for (int i = 0; i < perm.length; i++) { ns[i] = s[perm[i]]; nst[i] = st[perm[i]]; }
        return new Tensor(x.storage(), ns, nst, x.offset());
    }

    private static double identity(Reduce op) {
        return op == Reduce.SUM ? 0 : op == Reduce.MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    private static double combine(Reduce op, double acc, double v) {
        switch (op) {
            case SUM: return acc + v;
            case MAX: return (v > acc || v != v) ? v : acc;
            default: return (v < acc || v != v) ? v : acc;
        }
    }

    /** out[i] = reduce x[base + i*n + j] over j. */
    private static void rows(Reduce op, CpuStorage s, int base, int outer, int n, CpuStorage so, int ob) {
        if (outer == 1 && n > 2 * CHUNK) {
            int chunks = (n + CHUNK - 1) / CHUNK;
            double[] part = new double[chunks];
            Parallel.forEach(chunks, c -> part[c] = segment(op, s, base + c * CHUNK, Math.min(CHUNK, n - c * CHUNK)));
            double acc = identity(op);
            for (double v : part) acc = combine(op, acc, v);
            so.set(ob, acc);
            return;
        }
        int grain = Math.max(1, CHUNK / Math.max(1, n));
        Parallel.forRange(outer, grain, (a, b) -> {
            for (int i = a; i < b; i++) so.set(ob + i, segment(op, s, base + i * n, n));
        });
    }

    private static double segment(Reduce op, CpuStorage s, int from, int n) {
        if (s.f != null) {
            float[] a = s.f;
            if (op == Reduce.SUM) {
                // four double accumulators: exact enough and lets the loop pipeline
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int j = 0;
                for (; j + 3 < n; j += 4) { s0 += a[from + j]; s1 += a[from + j + 1]; s2 += a[from + j + 2]; s3 += a[from + j + 3]; }
                for (; j < n; j++) s0 += a[from + j];
                return (s0 + s1) + (s2 + s3);
            }
            double acc = identity(op);
            for (int j = 0; j < n; j++) acc = combine(op, acc, a[from + j]);
            return acc;
        }
        double acc = identity(op);
        for (int j = 0; j < n; j++) acc = combine(op, acc, s.get(from + j));
        return acc;
    }

    /** out[j] = reduce x[base + i*cols + j] over i (i < m), parallel over column blocks. */
    private static void columns(Reduce op, CpuStorage s, int base, int m, int cols, CpuStorage so, int ob) {
        int block = 256;
        Parallel.forRange(cols, block, (a, b) -> {
            double[] acc = new double[b - a];
            java.util.Arrays.fill(acc, identity(op));
            for (int i = 0; i < m; i++) {
                int row = base + i * cols;
                if (s.f != null && op == Reduce.SUM) {
                    float[] x = s.f;
                    for (int j = a; j < b; j++) acc[j - a] += x[row + j];
                } else {
                    for (int j = a; j < b; j++) acc[j - a] = combine(op, acc[j - a], s.get(row + j));
                }
            }
            for (int j = a; j < b; j++) so.set(ob + j, acc[j - a]);
        });
    }

    /** out (I64) = index of the first max/min along dim; NaN counts as the extreme (PyTorch). */
    /** Σ x² of a contiguous float32 tensor: per-chunk lane sums (chunks fixed by the size), then the chunks in order. */
    static double sumOfSquares(Tensor x) {
        if (!x.isContiguous() || x.dtype() != dev.segue.core.DType.F32)
            throw new IllegalArgumentException("sum_of_squares: expects a contiguous float32 tensor, got " + x.dtype() + dev.segue.core.Shape.str(x.shape()));
        int n = x.numel(), chunk = 1 << 16, chunks = (n + chunk - 1) / chunk;
        float[] a = st(x).f;
        int off = x.offset();
        double[] partial = new double[chunks];
        Parallel.forEach(chunks, c -> partial[c] = RowKernels.sumOfSquares(a, off + c * chunk, Math.min(chunk, n - c * chunk)));
        double s = 0;
        for (double v : partial) s += v;
        return s;
    }

    static void argReduce(boolean max, Tensor x, int dim, Tensor out) {
        int rank = x.dim();
        int[] perm = new int[rank];
        int k = 0;
        for (int d = 0; d < rank; d++) if (d != dim) perm[k++] = d;
        perm[k] = dim;
        Tensor xp = permute(x, perm);
        if (!xp.isContiguous()) {
            Tensor c = Tensor.empty(x.backend(), x.dtype(), xp.shape());
            ElementwiseKernels.copy(xp, c);
            xp = c;
        }
        int n = x.shape()[dim];
        if (n == 0) throw new IllegalArgumentException("argmax: dimension " + dim + " of shape " + java.util.Arrays.toString(x.shape()) + " is empty");
        int outer = x.numel() / n;
        CpuStorage s = st(xp), so = st(out);
        int base = xp.offset(), ob = out.offset();
        Parallel.forRange(outer, Math.max(1, CHUNK / n), (a, b) -> {
            for (int i = a; i < b; i++) {
                int from = base + i * n;
                int best = 0;
                double bv = s.get(from);
                for (int j = 1; j < n && bv == bv; j++) {
                    double v = s.get(from + j);
                    if (v != v || (max ? v > bv : v < bv)) { bv = v; best = j; }
                }
                so.set(ob + i, best);
            }
        });
    }
}
