package dev.segue.nn.optim;

import dev.segue.core.Tensor;

import java.util.List;
import java.util.Map;

/** Parameters sharing a learning rate and weight decay; the schedule sets {@link #lr} each step. */
public final class ParamGroup {
    private final Map<String, Tensor> params;
    private double lr;
    private final double weightDecay;

    /** params by name (names only identify optimizer state in checkpoints). */
    public ParamGroup(Map<String, Tensor> params, double lr, double weightDecay) {
        this.params = new java.util.LinkedHashMap<>(params);
        this.lr = lr;
        this.weightDecay = weightDecay;
    }

    public Map<String, Tensor> params() { return java.util.Collections.unmodifiableMap(params); }
    public List<Tensor> tensors() { return List.copyOf(params.values()); }
    public double lr() { return lr; }
    public void setLr(double lr) { this.lr = lr; }
    public double weightDecay() { return weightDecay; }
}
