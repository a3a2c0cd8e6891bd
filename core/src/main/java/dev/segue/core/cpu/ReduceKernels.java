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
            if (op == Reduce.SUM) return RowKernels.sum(a, from, n);
            double acc = identity(op);
            for (int j = 0; j < n; j++) acc = combine(op, acc, a[from + j]);
            return acc;
        }
        double acc = identity(op);
        for (int j = 0; j < n; j++) acc = combine(op, acc, s.get(from + j));
        return acc;
    }

    /** Columns of one float32 sum task and the most row chunks a column sum is cut into. */
    private static final int SUM_COLUMNS = 2048, MAX_ROW_CHUNKS = 64;

    /** out[j] = reduce x[base + i*cols + j] over i (i < m), parallel over column blocks. */
    private static void columns(Reduce op, CpuStorage s, int base, int m, int cols, CpuStorage so, int ob) {
        if (s.f != null && op == Reduce.SUM) {
            columnSums(s.f, base, m, cols, so, ob);
            return;
        }
        int block = 256;
        Parallel.forRange(cols, block, (a, b) -> {
            double[] acc = new double[b - a];
            java.util.Arrays.fill(acc, identity(op));
            for (int i = 0; i < m; i++) {
                int row = base + i * cols;
                for (int j = a; j < b; j++) acc[j - a] = combine(op, acc[j - a], s.get(row + j));
            }
            for (int j = a; j < b; j++) so.set(ob + j, acc[j - a]);
        });
    }

    /**
     * Float32 column sums in double: tasks of up to {@link #SUM_COLUMNS} columns × a chunk of rows, so a
     * task reads long runs of each row (8 KiB, where 256-column blocks read 1 KiB pieces 16 KiB apart) and
     * a tall, narrow tensor still splits into tasks; each row chunk's partial sums are then added in
     * chunk order. Chunks depend on the shape only, so the result does not depend on the thread count.
     */
    private static void columnSums(float[] x, int base, int m, int cols, CpuStorage so, int ob) {
        int rowChunk = Math.max(256, (m + MAX_ROW_CHUNKS - 1) / MAX_ROW_CHUNKS);
        int chunks = (m + rowChunk - 1) / rowChunk, colBlocks = (cols + SUM_COLUMNS - 1) / SUM_COLUMNS;
        double[] partial = new double[chunks * cols];          // [row chunk][column]
        Parallel.forEach(chunks * colBlocks, t -> {
            int rc = t / colBlocks, c0 = (t % colBlocks) * SUM_COLUMNS, c1 = Math.min(cols, c0 + SUM_COLUMNS);
            int p = rc * cols, i = rc * rowChunk, end = Math.min(m, i + rowChunk);
            for (; i + 4 <= end; i += 4) {      // four rows per pass over the partial sums: a quarter of their loads and stores
                int r0 = base + i * cols, r1 = r0 + cols, r2 = r1 + cols, r3 = r2 + cols;
                for (int j = c0; j < c1; j++) partial[p + j] += ((double) x[r0 + j] + x[r1 + j]) + ((double) x[r2 + j] + x[r3 + j]);
            }
            for (; i < end; i++) {
                int row = base + i * cols;
                for (int j = c0; j < c1; j++) partial[p + j] += x[row + j];
            }
        });
        for (int j = 0; j < cols; j++) {
            double acc = 0;
            for (int rc = 0; rc < chunks; rc++) acc += partial[rc * cols + j];
            so.set(ob + j, acc);
        }
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
