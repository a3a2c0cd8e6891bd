package dev.segue.nn.losses;

import dev.segue.core.Tensor;

/** How a per-element loss is reduced. */
public enum Reduction {
    MEAN, SUM, NONE;

    public Tensor apply(Tensor l) {
        return switch (this) {
            case MEAN -> l.mean();
            case SUM -> l.sum();
            case NONE -> l;
        };
    }

    public static Reduction parse(String s) { return valueOf(s.toUpperCase(java.util.Locale.ROOT)); }
}
