package dev.segue.nn.optim;

import dev.segue.core.Tensor;

import java.util.Collection;

/** torch.nn.utils.clip_grad_norm_ with the L2 norm. */
public final class GradClip {
    private GradClip() {}

    /**
     * total = √(Σ over all gradients of Σ g²) (accumulated in double); when max/(total+1e-6) < 1 every
     * gradient is scaled by that factor. Returns the total norm before clipping.
     */
    public static double clipGradNorm(Collection<Tensor> params, double maxNorm) {
        double sq = 0;
        for (Tensor p : params) {
            if (p.grad() == null) continue;
            for (double v : p.grad().toDoubleArray()) sq += v * v;
        }
        double total = Math.sqrt(sq);
        double coef = maxNorm / (total + 1e-6);
        if (coef < 1)
            for (Tensor p : params) if (p.grad() != null) p.setGrad(p.grad().mul(coef));
        return total;
    }
}
