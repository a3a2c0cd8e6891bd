package dev.segue.core.cpu;

import dev.segue.core.Tensor;

import static dev.segue.core.cpu.CpuBackend.st;

/**
 * Layer norm over the last n elements of each row of a contiguous x [rows, n]: two-pass mean and
 * (biased) variance in double, so data with a large mean keeps its precision.
 * y = (x − mean)·rstd·w + b, rstd = 1/sqrt(var + eps).
 */
final class LayerNormKernels {
    private LayerNormKernels() {}

    static void forward(Tensor x, Tensor w, Tensor b, double eps, Tensor out, Tensor mean, Tensor rstd) {
        int n = x.shape()[x.dim() - 1];
        int rows = n == 0 ? 0 : x.numel() / n;
        CpuStorage sx = st(x), so = st(out), sm = st(mean), sr = st(rstd);
        CpuStorage sw = w == null ? null : st(w), sb = b == null ? null : st(b);
        int xb = x.offset(), ob = out.offset(), wb = w == null ? 0 : w.offset(), bb = b == null ? 0 : b.offset();
        boolean f32 = sx.f != null && so.f != null && sm.f != null && sr.f != null && (sw == null || sw.f != null) && (sb == null || sb.f != null);
        Parallel.forRange(rows, Math.max(1, (1 << 14) / Math.max(1, n)), (lo, hi) -> {
            float[] stats = new float[2];
            for (int r = lo; r < hi; r++) {
                int base = xb + r * n;
                if (f32) {
                    RowKernels.layerNorm(sx.f, base, sw == null ? null : sw.f, wb, sb == null ? null : sb.f, bb, so.f, ob + r * n, n, (float) eps, stats);
                    sm.f[mean.offset() + r] = stats[0];
                    sr.f[rstd.offset() + r] = stats[1];
                    continue;
                }
                double m = 0;
                for (int j = 0; j < n; j++) m += sx.get(base + j);
                m /= n;
                double v = 0;
                for (int j = 0; j < n; j++) { double d = sx.get(base + j) - m; v += d * d; }
                v /= n;
                double rs = 1 / Math.sqrt(v + eps);
                sm.set(mean.offset() + r, m);
                sr.set(rstd.offset() + r, rs);
                for (int j = 0; j < n; j++) {
                    double y = (sx.get(base + j) - m) * rs;
                    if (sw != null) y *= sw.get(wb + j);
                    if (sb != null) y += sb.get(bb + j);
                    so.set(ob + r * n + j, y);
                }
            }
        });
    }

    /**
     * With x̂ = (x − mean)·rstd and g = gy·w: gx = rstd·(g − mean(g) − x̂·mean(g·x̂)); gw = Σ_rows gy·x̂;
     * gb = Σ_rows gy. The parameter gradients are summed over fixed row blocks, then the blocks in order.
     */
    static void backward(Tensor x, Tensor w, Tensor mean, Tensor rstd, Tensor gy, Tensor gx, Tensor gw, Tensor gb) {
        int n = x.shape()[x.dim() - 1];
        int rows = n == 0 ? 0 : x.numel() / n;
        CpuStorage sx = st(x), sg = st(gy), so = st(gx), sm = st(mean), sr = st(rstd);
        CpuStorage sw = w == null ? null : st(w);
        int xb = x.offset(), gyb = gy.offset(), ob = gx.offset(), wb = w == null ? 0 : w.offset();
        int block = Math.max(1, (1 << 14) / Math.max(1, n));
        int blocks = (rows + block - 1) / block;
        double[][] pw = gw == null ? null : new double[blocks][n];
        double[][] pb = gb == null ? null : new double[blocks][n];
        boolean f32 = sx.f != null && sg.f != null && so.f != null && sm.f != null && sr.f != null && (sw == null || sw.f != null);
        Parallel.forEach(blocks, blk -> {
            int lo = blk * block, hi = Math.min(rows, lo + block);
            if (f32) {
                backwardRowsF32(sx.f, xb, sw == null ? null : sw.f, wb, sm.f, mean.offset(), sr.f, rstd.offset(), sg.f, gyb, so.f, ob,
                        n, lo, hi, pw == null ? null : pw[blk], pb == null ? null : pb[blk]);
                return;
            }
            double[] g = new double[n];
            for (int r = lo; r < hi; r++) {
                double m = sm.get(mean.offset() + r), rs = sr.get(rstd.offset() + r);
                double mg = 0, mgx = 0;
                for (int j = 0; j < n; j++) {
                    double xh = (sx.get(xb + r * n + j) - m) * rs;
                    double gyv = sg.get(gyb + r * n + j);
                    double gj = sw == null ? gyv : gyv * sw.get(wb + j);
                    g[j] = gj;
                    mg += gj;
                    mgx += gj * xh;
                    if (pw != null) pw[blk][j] += gyv * xh;
                    if (pb != null) pb[blk][j] += gyv;
                }
                mg /= n;
                mgx /= n;
                for (int j = 0; j < n; j++) {
                    double xh = (sx.get(xb + r * n + j) - m) * rs;
                    so.set(ob + r * n + j, rs * (g[j] - mg - xh * mgx));
                }
            }
        });
        if (gw != null) sumBlocks(pw, st(gw), gw.offset(), n);
        if (gb != null) sumBlocks(pb, st(gb), gb.offset(), n);
    }

    /** The float32 case of {@link #backward} for rows [lo, hi); parameter gradients accumulate in double. */
    private static void backwardRowsF32(float[] x, int xb, float[] w, int wb, float[] mean, int mo, float[] rstd, int ro,
                                        float[] gy, int gyb, float[] gx, int ob, int n, int lo, int hi, double[] pw, double[] pb) {
        float[] xh = new float[n], g = new float[n];
        for (int r = lo; r < hi; r++) {
            float m = mean[mo + r], rs = rstd[ro + r];
            int xr = xb + r * n, gr = gyb + r * n, orow = ob + r * n;
            for (int j = 0; j < n; j++) xh[j] = (x[xr + j] - m) * rs;
            if (w == null) System.arraycopy(gy, gr, g, 0, n);
            else for (int j = 0; j < n; j++) g[j] = gy[gr + j] * w[wb + j];
            double mg = 0, mgx = 0;
            for (int j = 0; j < n; j++) { mg += g[j]; mgx += g[j] * xh[j]; }
            float a = (float) (mg / n), c = (float) (mgx / n);
            for (int j = 0; j < n; j++) gx[orow + j] = rs * (g[j] - a - xh[j] * c);
            if (pw != null) for (int j = 0; j < n; j++) pw[j] += gy[gr + j] * xh[j];
            if (pb != null) for (int j = 0; j < n; j++) pb[j] += gy[gr + j];
        }
    }

    private static void sumBlocks(double[][] parts, CpuStorage out, int off, int n) {
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (double[] p : parts) s += p[j];
            out.set(off + j, s);
        }
    }
}
