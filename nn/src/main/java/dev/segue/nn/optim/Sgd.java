package dev.segue.nn.optim;

import java.util.List;
import java.util.Map;

/**
 * torch.optim.SGD: g += wd·p (L2); buf = g on the first step, else momentum·buf + (1−dampening)·g;
 * direction = g + momentum·buf (Nesterov) or buf; p −= lr·direction.
 */
public final class Sgd extends Optimizer {
    private final double momentum, dampening;
    private final boolean nesterov;

    public Sgd(List<ParamGroup> groups, double momentum, double dampening, boolean nesterov) {
        super(groups);
        if (nesterov && (momentum <= 0 || dampening != 0)) throw new IllegalArgumentException("Nesterov momentum needs momentum > 0 and dampening 0");
        this.momentum = momentum;
        this.dampening = dampening;
        this.nesterov = nesterov;
    }

    @Override protected List<String> bufferNames() { return momentum != 0 ? List.of("momentum_buffer") : List.of(); }

    @Override protected void update(float[] p, int po, float[] g, int go, Map<String, float[]> st, int from, int to,
                                    ParamGroup group, long step) {
        float lr = (float) group.lr(), wd = (float) group.weightDecay(), mom = (float) momentum, damp = (float) (1 - dampening);
        float[] buf = momentum != 0 ? st.get("momentum_buffer") : null;
        float sc = gradScale();
        if (buf != null && step > 1 && nesterov) {
            // the hot case (every RTA step after the first) in a branch-free loop that C2 vectorises
            for (int i = from; i < to; i++) {
                float gi = g[go + i] * sc + wd * p[po + i];
                float b = mom * buf[i] + damp * gi;
                buf[i] = b;
                p[po + i] -= lr * (gi + mom * b);
            }
            return;
        }
        for (int i = from; i < to; i++) {
            float gi = g[go + i] * sc + wd * p[po + i];
            if (buf != null) {
                buf[i] = step == 1 ? gi : mom * buf[i] + damp * gi;
                gi = nesterov ? gi + mom * buf[i] : buf[i];
            }
            p[po + i] -= lr * gi;
        }
    }
}
