package dev.segue.nn.optim;

/**
 * A learning-rate multiplier as a function of the 0-based optimizer step (the rate used by step s is
 * base·factor(s), as with PyTorch's LambdaLR stepped after each optimizer step).
 */
@FunctionalInterface
public interface LrSchedule {
    double factor(long step);

    static LrSchedule constant() { return s -> 1.0; }

    /** transformers.get_linear_schedule_with_warmup: s/W during warm-up, then linear decay to 0 at N. */
    static LrSchedule linearWarmup(long warmup, long total) {
        return s -> s < warmup ? (double) s / Math.max(1, warmup) : Math.max(0.0, (double) (total - s) / Math.max(1, total - warmup));
    }

    /** torch StepLR: gamma^⌊s/k⌋, k counted in optimizer steps (batches). */
    static LrSchedule stepDecay(long stepSize, double gamma) {
        return s -> Math.pow(gamma, Math.floorDiv(s, stepSize));
    }

    /**
     * torch StepLR(patience, gamma) stepped once every {@code every} optimizer steps, right before the
     * steps numbered 0, every, 2·every, … (as the RTA reference code does it): the rate of step s is
     * gamma^⌊⌈s / every⌉ / patience⌋, so the first decay comes after (patience − 1)·every + 1 steps and
     * later ones every patience·every steps.
     */
    static LrSchedule stepLrEvery(long every, int patience, double gamma) {
        return s -> Math.pow(gamma, Math.floorDiv(Math.floorDiv(s + every - 1, every), patience));
    }

    /** transformers.get_cosine_schedule_with_warmup (half a cosine period by default). */
    static LrSchedule cosineWarmup(long warmup, long total, double cycles) {
        return s -> {
            if (s < warmup) return (double) s / Math.max(1, warmup);
            double progress = (double) (s - warmup) / Math.max(1, total - warmup);
            return Math.max(0.0, 0.5 * (1 + Math.cos(Math.PI * cycles * 2 * progress)));
        };
    }
}
