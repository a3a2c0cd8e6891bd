package dev.segue.nn.losses;

import dev.segue.core.Shape;
import dev.segue.core.Tensor;

/**
 * In-batch contrastive losses on row-normalised embeddings: InfoNCE (CLIP-style, symmetric or one-way,
 * optionally masking in-batch duplicates of a row's target) and SimCLR's NT-Xent.
 */
public final class Contrastive {
    private Contrastive() {}

    /** Rows divided by max(‖row‖, 1e-12) (F.normalize). */
    public static Tensor normalize(Tensor z) {
        return z.div(z.square().sum(-1, true).sqrt().clamp(1e-12, Double.POSITIVE_INFINITY));
    }

    /** logits [B, B] = norm(z1)·norm(z2)ᵀ / temperature. */
    public static Tensor logits(Tensor z1, Tensor z2, double temperature) {
        if (z1.dim() != 2 || !Shape.equal(z1.shape(), z2.shape()))
            throw new IllegalArgumentException("infonce: z1 and z2 must both be [B, D], got " + Shape.str(z1.shape()) + " and " + Shape.str(z2.shape()));
        return normalize(z1).matmul(normalize(z2).mT()).div(temperature);
    }

    /**
     * InfoNCE with in-batch negatives: target of row i is column i. symmetric averages both directions
     * (CLIP). targetIds [B] (or null): column j ≠ i with the same id as i is masked out, so a duplicate
     * of the positive is not counted as a negative.
     */
    public static Tensor infoNce(Tensor z1, Tensor z2, double temperature, boolean symmetric, Tensor targetIds) {
        Tensor lg = logits(z1, z2, temperature);
        int b = lg.size(0);
        if (targetIds != null) {
            long[] ids = targetIds.toLongArray();
            if (ids.length != b) throw new IllegalArgumentException("infonce: " + ids.length + " target ids for a batch of " + b);
            long[] m = new long[b * b];
            for (int i = 0; i < b; i++) for (int j = 0; j < b; j++) m[i * b + j] = i != j && ids[i] == ids[j] ? 1 : 0;
            lg = lg.maskedFill(Tensor.ofLongs(m, b, b), Double.NEGATIVE_INFINITY);
        }
        Tensor labels = Tensor.arange(b);
        Tensor l = lg.crossEntropy(labels, -100, 0, "mean");
        if (!symmetric) return l;
        return l.add(lg.mT().crossEntropy(labels, -100, 0, "mean")).mul(0.5);
    }

    /** NT-Xent: z = norm(cat[z1, z2]) [2B, D]; sim = z·zᵀ/τ with the diagonal removed; row i's target is its pair. */
    public static Tensor ntXent(Tensor z1, Tensor z2, double temperature) {
        if (z1.dim() != 2 || !Shape.equal(z1.shape(), z2.shape()))
            throw new IllegalArgumentException("nt_xent: z1 and z2 must both be [B, D], got " + Shape.str(z1.shape()) + " and " + Shape.str(z2.shape()));
        int b = z1.size(0), n = 2 * b;
        Tensor z = normalize(Tensor.cat(0, z1, z2));
        Tensor sim = z.matmul(z.mT()).div(temperature);
        long[] eye = new long[n * n];
        long[] target = new long[n];
        for (int i = 0; i < n; i++) { eye[i * n + i] = 1; target[i] = i < b ? i + b : i - b; }
        sim = sim.maskedFill(Tensor.ofLongs(eye, n, n), Double.NEGATIVE_INFINITY);
        return sim.crossEntropy(Tensor.ofLongs(target, n), -100, 0, "mean");
    }
}
