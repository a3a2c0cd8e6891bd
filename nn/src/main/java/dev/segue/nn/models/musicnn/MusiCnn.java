package dev.segue.nn.models.musicnn;

import dev.segue.core.Rng;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.layers.BatchNorm;
import dev.segue.nn.layers.Linear;

/**
 * MSD_musicnn (Pons &amp; Serra) re-expressed in PyTorch terms, parameter names as in the reference
 * fixture: input BN; timbral branches 7×38 and 7×67 (time pad 3|3, valid in frequency) and temporal
 * branches 128×1, 64×1, 32×1 (TF "same" in time), each ReLU → BN → max over frequency; mid-end of three
 * 1-D convs with residuals on 2 and 3; back-end max and mean over time interleaved, BN, dense 200 + ReLU
 * + BN (the penultimate embedding), dense 50 → sigmoid. BN eps 1e-3 (TensorFlow's default).
 */
public final class MusiCnn extends Module {
    /** Every stage a caller may want (frontend [B, 561, T], pooled [B, 1506], penultimate [B, 200], logits, sigmoid). */
    public record Output(Tensor frontend, Tensor pooled, Tensor penultimate, Tensor logits, Tensor probabilities) {}

    private final BatchNorm bnInput, backendBn, bnDense;
    private final ConvBranch[] frontend;
    private final MidEndBlock m1, m2, m3;
    private final Linear dense1, dense2;

    public MusiCnn(int timbral, int temporal, int midend, int dense, int classes, Rng rng) {
        double eps = 1e-3;
        bnInput = registerModule("bn_input", new BatchNorm(1, eps, 0.01));
        frontend = new ConvBranch[]{
                registerModule("timbral_1", new ConvBranch(timbral, 7, 38, 3, 3, eps, rng)),
                registerModule("timbral_2", new ConvBranch(timbral, 7, 67, 3, 3, eps, rng)),
                registerModule("temporal_1", new ConvBranch(temporal, 128, 1, 63, 64, eps, rng)),
                registerModule("temporal_2", new ConvBranch(temporal, 64, 1, 31, 32, eps, rng)),
                registerModule("temporal_3", new ConvBranch(temporal, 32, 1, 15, 16, eps, rng))};
        int front = 2 * timbral + 3 * temporal;
        m1 = registerModule("midend_1", new MidEndBlock(front, midend, eps, rng));
        m2 = registerModule("midend_2", new MidEndBlock(midend, midend, eps, rng));
        m3 = registerModule("midend_3", new MidEndBlock(midend, midend, eps, rng));
        int mid = front + 3 * midend;
        backendBn = registerModule("backend_bn", new BatchNorm(2 * mid, eps, 0.01));
        dense1 = registerModule("dense_1", new Linear(2 * mid, dense, true, rng));
        bnDense = registerModule("bn_dense", new BatchNorm(dense, eps, 0.01));
        dense2 = registerModule("dense_2", new Linear(dense, classes, true, rng));
    }

    /** The published MSD_musicnn sizes: 204 timbral, 51 temporal, 64 mid-end filters, dense 200, 50 tags. */
    public static MusiCnn msd(Rng rng) { return new MusiCnn(204, 51, 64, 200, 50, rng); }

    /** x [B, T, 96] log-mel patches. */
    public Output forward(Tensor x) {
        if (x.dim() != 3) throw new IllegalArgumentException("MusiCNN: x must be [B, T, mels], got " + Shape.str(x.shape()));
        Tensor in = bnInput.forward(x.unsqueeze(1));                       // [B, 1, T, F]
        Tensor[] branches = new Tensor[frontend.length];
        for (int i = 0; i < branches.length; i++) branches[i] = frontend[i].forward(in);
        Tensor front = Tensor.cat(1, branches);                            // [B, 561, T]
        Tensor a = m1.forward(front);
        Tensor b = m2.forward(a).add(a);
        Tensor c = m3.forward(b).add(b);
        Tensor mid = Tensor.cat(1, front, a, b, c);                        // [B, 753, T]
        int bsz = mid.size(0), ch = mid.size(1);
        // interleave: pooled[:, 2c] = max_t, pooled[:, 2c+1] = mean_t
        Tensor pooled = Tensor.stack(2, mid.max(2, false)[0], mid.mean(2, false)).reshape(bsz, 2 * ch);
        Tensor pen = bnDense.forward(dense1.forward(backendBn.forward(pooled)).relu());
        Tensor logits = dense2.forward(pen);
        return new Output(front, pooled, pen, logits, logits.sigmoid());
    }
}
