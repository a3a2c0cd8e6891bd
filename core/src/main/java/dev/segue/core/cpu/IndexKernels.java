package dev.segue.core.cpu;

import dev.segue.core.Tensor;

import static dev.segue.core.cpu.CpuBackend.st;

/**
 * index_select / index_add (whole slices along one dim) and gather / scatter_add (element-wise along
 * one dim). Sources and destinations are contiguous; indices are bounds-checked with an error that names
 * the op, the bad index and the size. Accumulating kernels keep a fixed order of additions per output
 * element, so they are deterministic for any thread count.
 */
final class IndexKernels {
    private IndexKernels() {}

    private static int outer(int[] s, int dim) { int o = 1; for (int d = 0; d < dim; d++) o *= s[d]; return o; }
    private static int inner(int[] s, int dim) { int o = 1; for (int d = dim + 1; d < s.length; d++) o *= s[d]; return o; }

    private static int[] indices(Tensor index, int size, String op) {
        long[] raw = index.toLongArray();
        int[] out = new int[raw.length];
        for (int k = 0; k < raw.length; k++) {
            long v = raw[k];
            if (v < -size || v >= size) throw new IndexOutOfBoundsException(op + ": index " + v + " is out of bounds for a dimension of size " + size);
            out[k] = (int) (v < 0 ? v + size : v);
        }
        return out;
    }

    static void indexSelect(Tensor src, int dim, Tensor index, Tensor out) {
        int[] s = src.shape();
        int n = s[dim], outer = outer(s, dim), inner = inner(s, dim);
        int[] idx = indices(index, n, "index_select");
        int m = idx.length;
        CpuStorage a = st(src), o = st(out);
        int sb = src.offset(), ob = out.offset();
        Parallel.forRange(outer * m, Math.max(1, (1 << 14) / Math.max(1, inner)), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int oi = r / m, k = r % m;
                int from = sb + (oi * n + idx[k]) * inner, to = ob + r * inner;
                if (a.f != null && o.f != null) System.arraycopy(a.f, from, o.f, to, inner);
                else for (int j = 0; j < inner; j++) o.set(to + j, a.get(from + j));
            }
        });
    }

    /** out[b, j] = ⟨table[ids[b, j]], h[b]⟩; all contiguous float32 except ids; parallel over rows of out. */
    static void gatherDot(Tensor table, Tensor ids, Tensor h, Tensor out) {
        int[] ts = table.shape(), is = ids.shape(), hs = h.shape();
        if (ts.length != 2 || is.length != 2 || hs.length != 2 || hs[0] != is[0] || hs[1] != ts[1])
            throw new IllegalArgumentException("gather_dot: expected table [V, d], ids [B, N], h [B, d], got table "
                    + dev.segue.core.Shape.str(ts) + ", ids " + dev.segue.core.Shape.str(is) + ", h " + dev.segue.core.Shape.str(hs));
        int b = is[0], n = is[1], d = ts[1];
        int[] idx = indices(ids, ts[0], "gather_dot");
        float[] t = st(table).f, hv = st(h).f, o = st(out).f;
        int to = table.offset(), ho = h.offset(), oo = out.offset();
        Parallel.forRange(b * n, Math.max(1, (1 << 15) / Math.max(1, d)), (lo, hi) -> {
            for (int r = lo; r < hi; r++)
                o[oo + r] = (float) RowKernels.dot(t, to + idx[r] * d, hv, ho + (r / n) * d, d);
        });
    }

    static void indexAdd(Tensor dst, int dim, Tensor index, Tensor src) {
        int[] s = dst.shape();
        int n = s[dim], outer = outer(s, dim), inner = inner(s, dim);
        int[] idx = indices(index, n, "index_add");
        int m = idx.length;
        CpuStorage d = st(dst), a = st(src);
        int db = dst.offset(), sb = src.offset();
        // parallel over (outer, column block): each output element sees the indices in order
        int colBlock = 512;
        int colBlocks = (inner + colBlock - 1) / colBlock;
        Parallel.forEach(outer * colBlocks, t -> {
            int oi = t / colBlocks, c0 = (t % colBlocks) * colBlock, c1 = Math.min(inner, c0 + colBlock);
            for (int k = 0; k < m; k++) {
                int to = db + (oi * n + idx[k]) * inner, from = sb + (oi * m + k) * inner;
                if (d.f != null && a.f != null) { float[] x = d.f, y = a.f; for (int j = c0; j < c1; j++) x[to + j] += y[from + j]; }
                else for (int j = c0; j < c1; j++) d.set(to + j, d.get(to + j) + a.get(from + j));
            }
        });
    }

    /** out[p] = src[p with p[dim] := index[p]] for every multi-index p of index. */
    static void gather(Tensor src, int dim, Tensor index, Tensor out) {
        int[] ss = src.shape(), is = index.shape();
        checkIndexShape("gather", ss, is, dim);
        int[] idx = indices(index, ss[dim], "gather");
        int[] sst = dev.segue.core.Shape.contiguousStrides(ss);
        CpuStorage a = st(src), o = st(out);
        int sb = src.offset(), ob = out.offset();
        int rank = is.length;
        int[] pos = new int[rank];
        for (int k = 0; k < idx.length; k++) {
            int off = 0;
            for (int d = 0; d < rank; d++) off += (d == dim ? idx[k] : pos[d]) * sst[d];
            o.set(ob + k, a.get(sb + off));
            for (int d = rank - 1; d >= 0; d--) { if (++pos[d] < is[d]) break; pos[d] = 0; }
        }
    }

    /** dst[p with p[dim] := index[p]] += src[p] for every multi-index p of index. */
    static void scatterAdd(Tensor dst, int dim, Tensor index, Tensor src) {
        int[] ds = dst.shape(), is = index.shape();
        checkIndexShape("scatter_add", ds, is, dim);
        int[] idx = indices(index, ds[dim], "scatter_add");
        int[] dst_st = dev.segue.core.Shape.contiguousStrides(ds);
        int[] srcStrides = src.strides();
        CpuStorage d = st(dst), a = st(src);
        int db = dst.offset(), sb = src.offset();
        int rank = is.length;
        int[] pos = new int[rank];
        for (int k = 0; k < idx.length; k++) {
            int off = 0, soff = 0;
            for (int dd = 0; dd < rank; dd++) {
                off += (dd == dim ? idx[k] : pos[dd]) * dst_st[dd];
                soff += pos[dd] * srcStrides[dd];
            }
            d.set(db + off, d.get(db + off) + a.get(sb + soff));
            for (int dd = rank - 1; dd >= 0; dd--) { if (++pos[dd] < is[dd]) break; pos[dd] = 0; }
        }
    }

    private static void checkIndexShape(String op, int[] data, int[] index, int dim) {
        if (data.length != index.length)
            throw new IllegalArgumentException(op + ": index of shape " + java.util.Arrays.toString(index) + " must have the rank of the data, shape " + java.util.Arrays.toString(data));
        for (int d = 0; d < data.length; d++)
            if (d != dim && index[d] > data[d])
                throw new IllegalArgumentException(op + ": index of shape " + java.util.Arrays.toString(index) + " is larger than the data, shape " + java.util.Arrays.toString(data) + ", in dim " + d);
    }
}
