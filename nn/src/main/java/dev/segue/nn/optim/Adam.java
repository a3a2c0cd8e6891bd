package dev.segue.nn.optim;

import java.util.List;
import java.util.Map;

/**
 * Adam and its decoupled-decay variants, each with its reference's exact operation order:
 * <ul>
 * <li>{@code ADAM} (torch.optim.Adam): g += wd·p (L2); p −= lr/(1−β1ᵗ) · m / (√v/√(1−β2ᵗ) + ε)</li>
 * <li>{@code ADAMW} (torch.optim.AdamW): p ·= 1 − lr·wd first, then the Adam step without L2</li>
 * <li>{@code ADAMW_HF} (transformers.AdamW): denom = √v + ε (ε not bias-corrected);
 *     p −= lr·√(1−β2ᵗ)/(1−β1ᵗ) · m/denom; then p −= lr·wd·p on the updated p</li>
 * </ul>
 */
public final class Adam extends Optimizer {
    public enum Variant { ADAM, ADAMW, ADAMW_HF }

    private final Variant variant;
    private final double beta1, beta2, eps;

    public Adam(List<ParamGroup> groups, Variant variant, double beta1, double beta2, double eps) {
        super(groups);
        this.variant = variant;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override protected List<String> bufferNames() { return List.of("exp_avg", "exp_avg_sq"); }

    @Override protected void update(float[] p, int po, float[] g, int go, Map<String, float[]> st, int from, int to,
                                    ParamGroup group, long step) {
        float sc = gradScale();
        float[] m = st.get("exp_avg"), v = st.get("exp_avg_sq");
        double lr = group.lr(), wd = group.weightDecay();
        double bc1 = 1 - Math.pow(beta1, step), bc2 = 1 - Math.pow(beta2, step);
        // 1−β computed in double before rounding, as PyTorch does (1 − 0.999f is off by 1.3e-5 relative)
        float b1 = (float) beta1, b2 = (float) beta2, e = (float) eps, c1 = (float) (1 - beta1), c2 = (float) (1 - beta2);
        switch (variant) {
            case ADAM, ADAMW -> {
                float stepSize = (float) (lr / bc1), sqrtBc2 = (float) Math.sqrt(bc2);
                float l2 = variant == Variant.ADAM ? (float) wd : 0f;
                float shrink = variant == Variant.ADAMW ? (float) (1 - lr * wd) : 1f;
                for (int i = from; i < to; i++) {
                    float pv = p[po + i];
                    float pi = pv * shrink;
                    float gi = g[go + i] * sc + l2 * pv;
                    m[i] = b1 * m[i] + c1 * gi;
                    v[i] = b2 * v[i] + c2 * gi * gi;
                    p[po + i] = pi - stepSize * m[i] / ((float) Math.sqrt(v[i]) / sqrtBc2 + e);
                }
            }
            case ADAMW_HF -> {
                float stepSize = (float) (lr * Math.sqrt(bc2) / bc1), decay = (float) (lr * wd);
                for (int i = from; i < to; i++) {
                    float gi = g[go + i] * sc;
                    m[i] = b1 * m[i] + c1 * gi;
                    v[i] = b2 * v[i] + c2 * gi * gi;
                    float pi = p[po + i] - stepSize * m[i] / ((float) Math.sqrt(v[i]) + e);
                    p[po + i] = pi - decay * pi;
                }
            }
        }
    }
}
