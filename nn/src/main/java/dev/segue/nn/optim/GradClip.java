package dev.segue.nn.optim;

import dev.segue.core.Tensor;

import dev.segue.nn.layers.RowSparseGrad;

import java.util.Collection;
import java.util.List;

/** torch.nn.utils.clip_grad_norm_ with the L2 norm. */
public final class GradClip {
    private GradClip() {}

    /**
     * total = √(Σ over all gradients of Σ g²) (accumulated in double); when max/(total+1e-6) < 1 every
     * gradient is scaled by that factor. Returns the total norm before clipping.
     */
    public static double clipGradNorm(Collection<Tensor> params, double maxNorm) {
        double total = totalNorm(params);
        double coef = maxNorm / (total + 1e-6);
        if (coef < 1)
            for (Tensor p : params) if (p.grad() != null) p.setGrad(p.grad().mul(coef));
        return total;
    }

    /** √(Σ over the gradients of Σ g²), each gradient's sum in double in a fixed order (no copies). */
    public static double totalNorm(Collection<Tensor> params) { return totalNorm(params, List.of()); }

    /**
     * {@link #totalNorm(Collection)} with the row-sparse gradients of some tables added (coalesced: one entry
     * per row, so the sum of their squares is the dense equivalent's).
     */
    public static double totalNorm(Collection<Tensor> params, Collection<RowSparseGrad> sparse) {
        double sq = 0;
        for (Tensor p : params) if (p.grad() != null) sq += p.grad().sumOfSquares();
        for (RowSparseGrad g : sparse) sq += g.values().sumOfSquares();
        return Math.sqrt(sq);
    }

    /**
     * The factor {@link #clipGradNorm} would scale the gradients by — maxNorm/(total+1e-6) when that is
     * below 1, else 1 — without touching them: pass it to {@link Optimizer#step(double)}, which applies it
     * inside its update sweep (one pass over the gradients fewer). {@code sparse}: the row-sparse gradients
     * of tables the optimizer updates from rows ({@link Optimizer#sparseGrads()}).
     */
    public static double clipCoefficient(Collection<Tensor> params, Collection<RowSparseGrad> sparse, double maxNorm) {
        double coef = maxNorm / (totalNorm(params, sparse) + 1e-6);
        return coef < 1 ? coef : 1;
    }
}
