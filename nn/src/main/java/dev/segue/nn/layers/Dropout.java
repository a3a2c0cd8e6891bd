package dev.segue.nn.layers;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;

/** Inverted dropout, active in training mode only; masks come from the shared seeded generator. */
public final class Dropout extends Module {
    private final double p;
    private final Rng rng;

    public Dropout(double p, Rng rng) {
        if (p < 0 || p >= 1) throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        this.p = p;
        this.rng = rng;
    }

    public double p() { return p; }

    public Tensor forward(Tensor x) { return x.dropout(p, isTraining(), rng); }
}
