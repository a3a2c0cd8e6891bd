package dev.segue.core.cpu.gemm;

/**
 * Per-thread packing buffers, reused across calls so that a steady stream of GEMMs allocates nothing.
 * The calling thread's packed A and B are shared read-only with the pool's workers during one call;
 * each worker writes only its own {@link #tile}.
 */
final class Workspace {
    private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(Workspace::new);

    private float[] a = new float[0];
    private float[] b = new float[0];
    private float[] tile = new float[0];

    static Workspace get() { return LOCAL.get(); }

    float[] a(int n) { if (a.length < n) a = new float[n]; return a; }

    float[] b(int n) { if (b.length < n) b = new float[n]; return b; }

    float[] tile(int n) { if (tile.length < n) tile = new float[n]; return tile; }
}
