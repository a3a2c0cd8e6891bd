package dev.segue.core.autograd;

/**
 * Thread-local autograd switches. {@code try (var g = Grad.off()) { … }} runs a block without recording;
 * {@link #anomaly(boolean)} makes every op check its output and name the first op that produced NaN/Inf.
 */
public final class Grad implements AutoCloseable {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[]{true});
    private static volatile boolean anomaly;

    private final boolean previous;

    private Grad(boolean enable) {
        boolean[] e = ENABLED.get();
        previous = e[0];
        e[0] = enable;
    }

    /** Disables recording until closed. */
    public static Grad off() { return new Grad(false); }

    /** Enables recording until closed (inside an {@link #off()} block). */
    public static Grad on() { return new Grad(true); }

    public static boolean enabled() { return ENABLED.get()[0]; }

    public static void anomaly(boolean on) { anomaly = on; }

    public static boolean anomaly() { return anomaly; }

    @Override public void close() { ENABLED.get()[0] = previous; }
}
