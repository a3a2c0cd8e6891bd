package dev.segue.nn.losses;

import dev.segue.core.Shape;
import dev.segue.core.Tensor;

/** Skip-gram style negative-sampling losses on scores or vectors, with the stable log-sigmoid. */
public final class NegativeSampling {
    private NegativeSampling() {}

    /** −(Σ logσ(pos) + Σ logσ(−neg)) over all given scores (any shapes). */
    public static Tensor negLogSigmoidSum(Tensor posScores, Tensor negScores) {
        return posScores.logsigmoid().sum().add(negScores.neg().logsigmoid().sum()).neg();
    }

    /**
     * center [B, D], pos [B, D], neg [B, K, D]: −mean_b(logσ(c_b·p_b) + Σ_k logσ(−c_b·n_bk)).
     */
    public static Tensor loss(Tensor center, Tensor pos, Tensor neg) {
        if (center.dim() != 2 || !Shape.equal(center.shape(), pos.shape()) || neg.dim() != 3 || neg.size(0) != center.size(0) || neg.size(2) != center.size(1))
            throw new IllegalArgumentException("neg_sampling: center [B, D], pos [B, D], neg [B, K, D] expected, got "
                    + Shape.str(center.shape()) + ", " + Shape.str(pos.shape()) + ", " + Shape.str(neg.shape()));
        Tensor posScore = center.mul(pos).sum(-1, false);                              // [B]
        Tensor negScore = neg.matmul(center.unsqueeze(2)).squeeze(2);                  // [B, K]
        return posScore.logsigmoid().add(negScore.neg().logsigmoid().sum(-1, false)).mean().neg();
    }
}
