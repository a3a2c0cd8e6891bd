package dev.segue.core.cpu;

import dev.segue.core.Tensor;

import static dev.segue.core.cpu.CpuBackend.st;

/**
 * Cross-entropy fused with log-softmax over rows of logits [N, C]: the log-probabilities are never
 * materialised. Per row with lse = log Σ exp x: loss = (1−ε)(lse − x_t) + ε/C Σ_c (lse − x_c);
 * d loss / d x_c = softmax_c − (1−ε)[c = t] − ε/C. Ignored rows give loss 0 and gradient 0.
 */
final class LossKernels {
    private LossKernels() {}

    static void crossEntropy(Tensor logits, Tensor target, long ignore, double eps, Tensor loss, Tensor lse) {
        int nRows = logits.shape()[0], c = logits.shape()[1];
        long[] t = target.toLongArray();
        CpuStorage x = st(logits), sl = st(loss), se = st(lse);
        int xb = logits.offset();
        boolean f32 = x.f != null && sl.f != null && se.f != null;
        Parallel.forRange(nRows, Math.max(1, (1 << 14) / Math.max(1, c)), (lo, hi) -> {
            double[] stats = new double[2];
            for (int r = lo; r < hi; r++) {
                int base = xb + r * c;
                if (f32) {
                    RowKernels.logSumExpAndSum(x.f, base, c, stats);
                    se.f[lse.offset() + r] = (float) stats[0];
                    if (t[r] == ignore) { sl.f[loss.offset() + r] = 0; continue; }
                    if (t[r] < 0 || t[r] >= c) throw new IndexOutOfBoundsException("cross_entropy: target " + t[r] + " at row " + r + " is out of range for " + c + " classes");
                    double nll = stats[0] - x.f[base + (int) t[r]];
                    // the smoothing term only when asked: a -inf logit (a masked class) makes it infinite
                    sl.f[loss.offset() + r] = (float) ((1 - eps) * nll + (eps == 0 ? 0 : eps * (stats[0] - stats[1] / c)));
                    continue;
                }
                double max = Double.NEGATIVE_INFINITY, sumX = 0;
                for (int j = 0; j < c; j++) { double v = x.get(base + j); if (v > max) max = v; sumX += v; }
                double s = 0;
                for (int j = 0; j < c; j++) s += Math.exp(x.get(base + j) - max);
                double l = max + Math.log(s);
                se.set(lse.offset() + r, l);
                if (t[r] == ignore) { sl.set(loss.offset() + r, 0); continue; }
                if (t[r] < 0 || t[r] >= c) throw new IndexOutOfBoundsException("cross_entropy: target " + t[r] + " at row " + r + " is out of range for " + c + " classes");
                double nll = l - x.get(base + (int) t[r]);
                double smooth = l - sumX / c;      // mean over classes of (lse − x_c)
                // without smoothing the class mean is not needed, and it is -inf when a logit is masked to -inf
                sl.set(loss.offset() + r, eps == 0 ? nll : (1 - eps) * nll + eps * smooth);
            }
        });
    }

    static void crossEntropyBackward(Tensor logits, Tensor target, long ignore, double eps, Tensor lse, Tensor gLoss, Tensor gLogits) {
        int nRows = logits.shape()[0], c = logits.shape()[1];
        long[] t = target.toLongArray();
        CpuStorage x = st(logits), se = st(lse), sg = st(gLoss), so = st(gLogits);
        int xb = logits.offset(), ob = gLogits.offset();
        boolean f32 = x.f != null && se.f != null && so.f != null;
        Parallel.forRange(nRows, Math.max(1, (1 << 14) / Math.max(1, c)), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int base = xb + r * c, obase = ob + r * c;
                if (t[r] == ignore) { for (int j = 0; j < c; j++) so.set(obase + j, 0); continue; }
                double g = sg.get(gLoss.offset() + r), l = se.get(lse.offset() + r);
                if (f32) {
                    // g·(softmax − ε/C) everywhere, then − g·(1−ε) at the target
                    RowKernels.softmaxGradient(x.f, base, c, (float) l, (float) g, (float) (eps / c), so.f, obase);
                    so.f[obase + (int) t[r]] -= (float) (g * (1 - eps));
                    continue;
                }
                double off = eps / c;
                for (int j = 0; j < c; j++) {
                    double p = Math.exp(x.get(base + j) - l);
                    double d = p - off - (j == t[r] ? 1 - eps : 0);
                    so.set(obase + j, g * d);
                }
            }
        });
    }
}
