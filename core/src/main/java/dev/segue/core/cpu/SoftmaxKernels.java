package dev.segue.core.cpu;

import dev.segue.core.Tensor;

import static dev.segue.core.cpu.CpuBackend.st;

/**
 * Softmax and log-softmax along one dim of a contiguous tensor seen as [outer, n, inner]. Stable: the
 * row max is subtracted before exp; sums accumulate in double. A row that is all -inf gives NaN, as in
 * PyTorch. When inner == 1 (the last dim) rows are contiguous and take a tight loop.
 */
final class SoftmaxKernels {
    private SoftmaxKernels() {}

    private record Layout(int outer, int n, int inner) {}

    private static Layout layout(Tensor x, int dim) {
        int[] s = x.shape();
        int outer = 1, inner = 1;
        for (int d = 0; d < dim; d++) outer *= s[d];
        for (int d = dim + 1; d < s.length; d++) inner *= s[d];
        return new Layout(outer, s.length == 0 ? 1 : s[dim], inner);
    }

    static void forward(Tensor x, int dim, boolean log, Tensor out) {
        Layout l = layout(x, dim);
        CpuStorage sx = st(x), so = st(out);
        int xb = x.offset(), ob = out.offset();
        int lines = l.outer * l.inner;
        Parallel.forRange(lines, Math.max(1, (1 << 14) / Math.max(1, l.n)), (a, b) -> {
            for (int line = a; line < b; line++) {
                int o = line / l.inner, i = line % l.inner;
                int start = o * l.n * l.inner + i;
                if (sx.f != null && so.f != null && l.inner == 1) RowKernels.softmax(sx.f, xb + start, so.f, ob + start, l.n, log);
                else if (sx.f != null && so.f != null) rowF32(sx.f, xb + start, so.f, ob + start, l.n, l.inner, log);
                else rowGeneric(sx, xb + start, so, ob + start, l.n, l.inner, log);
            }
        });
    }

    private static void rowF32(float[] x, int xo, float[] y, int yo, int n, int step, boolean log) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) { float v = x[xo + j * step]; if (v > max || v != v) max = v; }
        double sum = 0;
        for (int j = 0; j < n; j++) sum += Math.exp(x[xo + j * step] - max);
        if (log) {
            double lse = Math.log(sum);
            for (int j = 0; j < n; j++) y[yo + j * step] = (float) (x[xo + j * step] - max - lse);
        } else {
            double inv = 1 / sum;
            for (int j = 0; j < n; j++) y[yo + j * step] = (float) (Math.exp(x[xo + j * step] - max) * inv);
        }
    }

    private static void rowGeneric(CpuStorage x, int xo, CpuStorage y, int yo, int n, int step, boolean log) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) { double v = x.get(xo + j * step); if (v > max || v != v) max = v; }
        double sum = 0;
        for (int j = 0; j < n; j++) sum += Math.exp(x.get(xo + j * step) - max);
        double lse = Math.log(sum);
        for (int j = 0; j < n; j++) {
            double z = x.get(xo + j * step) - max;
            y.set(yo + j * step, log ? z - lse : Math.exp(z - lse));
        }
    }

    /** softmax: gx = y ⊙ (gy − Σ gy⊙y); log-softmax: gx = gy − exp(y) Σ gy. */
    static void backward(Tensor y, Tensor gy, int dim, boolean log, Tensor gx) {
        Layout l = layout(y, dim);
        CpuStorage sy = st(y), sg = st(gy), so = st(gx);
        int yb = y.offset(), gb = gy.offset(), ob = gx.offset();
        int lines = l.outer * l.inner;
        Parallel.forRange(lines, Math.max(1, (1 << 14) / Math.max(1, l.n)), (a, b) -> {
            for (int line = a; line < b; line++) {
                int o = line / l.inner, i = line % l.inner;
                int start = o * l.n * l.inner + i;
                int step = l.inner;
                if (step == 1 && sy.f != null && sg.f != null && so.f != null) {
                    rowBackwardF32(sy.f, yb + start, sg.f, gb + start, so.f, ob + start, l.n, log);
                    continue;
                }
                double dot = 0;
                for (int j = 0; j < l.n; j++) {
                    double g = sg.get(gb + start + j * step);
                    dot += log ? g : g * sy.get(yb + start + j * step);
                }
                for (int j = 0; j < l.n; j++) {
                    double yv = sy.get(yb + start + j * step), g = sg.get(gb + start + j * step);
                    so.set(ob + start + j * step, log ? g - Math.exp(yv) * dot : yv * (g - dot));
                }
            }
        });
    }

    /** The float32 contiguous-row case of {@link #backward}: the row sum in double, the update in float. */
    private static void rowBackwardF32(float[] y, int yo, float[] g, int go, float[] gx, int o, int n, boolean log) {
        double dot = 0;
        if (log) for (int j = 0; j < n; j++) dot += g[go + j];
        else for (int j = 0; j < n; j++) dot += g[go + j] * y[yo + j];
        float d = (float) dot;
        if (log) for (int j = 0; j < n; j++) gx[o + j] = g[go + j] - (float) Math.exp(y[yo + j]) * d;
        else for (int j = 0; j < n; j++) gx[o + j] = y[yo + j] * (g[go + j] - d);
    }
}
