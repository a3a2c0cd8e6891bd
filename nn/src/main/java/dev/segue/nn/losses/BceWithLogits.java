package dev.segue.nn.losses;

import dev.segue.core.Shape;
import dev.segue.core.Tensor;

/**
 * Binary cross-entropy on logits, stable for |x| in the hundreds:
 * l = −[pw·y·logσ(x) + (1−y)·logσ(−x)] (pos_weight pw broadcast over the last dim, 1 when null).
 */
public final class BceWithLogits {
    private BceWithLogits() {}

    public static Tensor apply(Tensor logits, Tensor targets, Tensor posWeight, Reduction reduction) {
        if (!Shape.equal(logits.shape(), targets.shape()))
            throw new IllegalArgumentException("bce_with_logits: logits " + Shape.str(logits.shape()) + " and targets " + Shape.str(targets.shape()) + " differ");
        Tensor pos = targets.mul(logits.logsigmoid());
        if (posWeight != null) pos = pos.mul(posWeight);
        Tensor neg = targets.neg().add(1).mul(logits.neg().logsigmoid());
        return reduction.apply(pos.add(neg).neg());
    }
}
