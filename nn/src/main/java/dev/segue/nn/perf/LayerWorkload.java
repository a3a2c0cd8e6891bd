package dev.segue.nn.perf;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.attention.RtaDecoderLayer;
import dev.segue.nn.attention.XLNetLayer;
import dev.segue.nn.attention.RelativePositions;
import dev.segue.nn.layers.Activation;

import java.util.function.Supplier;

/**
 * The transformer layers of the study at their real sizes, as one forward + backward step each, shared
 * by the JMH benchmark and {@code segue bench transformer} (and mirrored by bench/scripts/torch_transformer.py):
 * <ul>
 * <li>XLNet (Transformers4Rec): batch 128, length 20, d 512, 2 heads of 256, FFN 2048, GELU, eps 0.03</li>
 * <li>RTA decoder: batch 128, length 20, d 128, 8 heads, FFN 4096, GELU, eps 1e-5, causal + padding masks</li>
 * </ul>
 * Dropout 0.1 in training mode, as in training.
 */
public final class LayerWorkload {
    public enum Kind { XLNET, RTA }

    private final Kind kind;
    private final Module layer;
    private final Tensor x, pos, keyPadding, upstream;
    public final int batch, length;

    public LayerWorkload(Kind kind, int batch, int length, long seed) {
        this.kind = kind;
        this.batch = batch;
        this.length = length;
        Rng rng = new Rng(seed);
        int d = kind == Kind.XLNET ? 512 : 128;
        if (kind == Kind.XLNET) {
            layer = new XLNetLayer(512, 2, 256, 2048, Activation.GELU, 0.03, 0.1, rng);
            pos = RelativePositions.sinusoid(length, length, 512, dev.segue.core.DType.F32);
            keyPadding = null;
        } else {
            layer = new RtaDecoderLayer(128, 8, 4096, Math.max(length, 50), 0.1, Activation.GELU, 1e-5, rng);
            pos = null;
            long[] kp = new long[batch * length];
            for (int b = 0; b < batch; b++) for (int t = length - b % 5; t < length; t++) kp[b * length + t] = 1; // right padding, 0–4 per row
            keyPadding = Tensor.ofLongs(kp, batch, length);
        }
        layer.train();
        x = Tensor.randn(rng, batch, length, d).requiresGrad(true);
        upstream = Tensor.randn(rng, batch, length, d);
    }

    public Kind kind() { return kind; }

    /** One forward and backward pass; returns a value depending on the result (for dead-code safety). */
    public double step() {
        layer.zeroGrad();
        x.zeroGrad();
        Tensor y = kind == Kind.XLNET ? ((XLNetLayer) layer).forward(x, pos, null) : ((RtaDecoderLayer) layer).forward(x, keyPadding);
        y.backward(upstream);
        return x.grad().numel();
    }

    /** Forward only under no-grad. */
    public double forward() {
        try (var g = dev.segue.core.autograd.Grad.off()) {
            Tensor y = kind == Kind.XLNET ? ((XLNetLayer) layer).forward(x, pos, null) : ((RtaDecoderLayer) layer).forward(x, keyPadding);
            return y.numel();
        }
    }

    /** Sequences per second of {@code op} after warm-up: median of {@code reps} timed runs. */
    public static double sequencesPerSecond(LayerWorkload w, Supplier<Double> op, int warmup, int reps) {
        for (int i = 0; i < warmup; i++) op.get();
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long s = System.nanoTime();
            op.get();
            t[i] = (System.nanoTime() - s) / 1e9;
        }
        java.util.Arrays.sort(t);
        return w.batch / t[reps / 2];
    }
}
