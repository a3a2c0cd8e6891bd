package dev.segue.core.ops;

import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Autograd;

/** Cross-entropy over logits, fused with log-softmax (forward and backward in one kernel each). */
public final class Losses {
    private Losses() {}

    /**
     * logits [N, C] or [N, C, d1, …] (class dim 1), target [N] or [N, d1, …] (I64/I32).
     * reduction "mean" divides by the number of non-ignored targets (PyTorch), "sum", or "none".
     */
    public static Tensor crossEntropy(Tensor logits, Tensor target, long ignoreIndex, double labelSmoothing, String reduction) {
        if (target.dtype().isFloating()) throw new IllegalArgumentException("cross_entropy: targets must be class indices (I64/I32), got " + target.dtype());
        int[] ls = logits.shape(), ts = target.shape();
        if (ls.length < 2) throw new IllegalArgumentException("cross_entropy: logits must be [N, C, …], got " + Shape.str(ls));
        int c = ls[1];
        int[] expect = new int[ls.length - 1];
        expect[0] = ls[0];
        for (int k = 2; k < ls.length; k++) expect[k - 1] = ls[k];
        if (!Shape.equal(expect, ts)) throw new IllegalArgumentException("cross_entropy: logits " + Shape.str(ls) + " need targets of shape " + Shape.str(expect) + ", got " + Shape.str(ts));
        // class dim last: [N, d…, C] → [R, C]
        Tensor moved = logits;
        if (ls.length > 2) {
            int[] perm = new int[ls.length];
            perm[0] = 0;
            for (int k = 2; k < ls.length; k++) perm[k - 1] = k;
            perm[ls.length - 1] = 1;
            moved = logits.permute(perm);
        }
        int rows = target.numel();
        Tensor x2 = moved.detach().contiguous().reshape(rows, c);
        Tensor t = target.contiguous().reshape(rows);
        Tensor loss = Tensor.empty(logits.backend(), logits.dtype(), rows);
        Tensor lse = Tensor.empty(logits.backend(), logits.dtype(), rows);
        logits.backend().crossEntropy(x2, t, ignoreIndex, labelSmoothing, loss, lse);
        Tensor movedRef = moved;
        Tensor perRow = Autograd.record("cross_entropy", loss, g -> {
            Tensor gx = Tensor.empty(g.backend(), logits.dtype(), rows, c);
            g.backend().crossEntropyBackward(x2, t, ignoreIndex, labelSmoothing, lse, g.contiguous(), gx);
            return new Tensor[]{gx.reshape(movedRef.shape())};
        }, moved);
        switch (reduction) {
            case "none": return perRow.reshape(ts);
            case "sum": return perRow.sum();
            case "mean": {
                long[] tv = t.toLongArray();
                int count = 0;
                for (long v : tv) if (v != ignoreIndex) count++;
                return perRow.sum().div(count);    // 0/0 = NaN when every target is ignored, as in PyTorch
            }
            default: throw new IllegalArgumentException("cross_entropy: reduction must be mean, sum or none, got '" + reduction + "'");
        }
    }

    /** Negative log-likelihood of log-probabilities [N, C] (class dim 1) — the second half of cross-entropy. */
    public static Tensor nllLoss(Tensor logProbs, Tensor target, long ignoreIndex, String reduction) {
        int[] ls = logProbs.shape();
        if (ls.length != 2) throw new IllegalArgumentException("nll_loss: expects [N, C], got " + Shape.str(ls));
        long[] t = target.toLongArray();
        long[] safe = new long[t.length];
        float[] keep = new float[t.length];
        int count = 0;
        for (int i = 0; i < t.length; i++) {
            boolean ign = t[i] == ignoreIndex;
            if (!ign && (t[i] < 0 || t[i] >= ls[1])) throw new IndexOutOfBoundsException("nll_loss: target " + t[i] + " at row " + i + " is out of range for " + ls[1] + " classes");
            safe[i] = ign ? 0 : t[i];
            keep[i] = ign ? 0 : 1;
            if (!ign) count++;
        }
        Tensor picked = logProbs.gather(1, Tensor.ofLongs(safe, t.length, 1)).reshape(t.length);
        Tensor perRow = picked.mul(Tensor.of(keep, t.length).to(logProbs.dtype())).neg();
        switch (reduction) {
            case "none": return perRow;
            case "sum": return perRow.sum();
            case "mean": return perRow.sum().div(count);
            default: throw new IllegalArgumentException("nll_loss: reduction must be mean, sum or none, got '" + reduction + "'");
        }
    }

}
