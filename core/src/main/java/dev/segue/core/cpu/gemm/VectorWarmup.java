package dev.segue.core.cpu.gemm;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hides the JIT's cold start of the vector micro-kernel. Until C2 has compiled it, the kernel runs in
 * the interpreter, where the Vector API is ~10⁴× slower than compiled (C1 cannot compile the kernel:
 * too many live vectors), so a fresh JVM would spend seconds at ~0.01 GFLOP/s. Instead, the first GEMM
 * starts a daemon thread that calls the kernel on a tiny tile until it runs at compiled speed; until
 * then {@link Gemm} uses the scalar kernel (~10 GFLOP/s). The two kernels perform the same float
 * operations in the same order per C element, so results are bit-identical whichever runs.
 * {@code -Dsegue.gemm.warmup=false} disables the gate (vector kernel from the first call).
 */
final class VectorWarmup {
    private VectorWarmup() {}

    private static final boolean ENABLED = !"false".equals(System.getProperty("segue.gemm.warmup"));
    /**
     * kc of the warm-up calls: long loops, as in real calls, so that C2 compiles the kernel through
     * on-stack replacement first. (Many short calls get it C1-compiled at tier 2 first, and C1's
     * tier-3 compile of this kernel fails, which can leave it at C1 speed for a long time.)
     */
    private static final int KC = 512;
    /** Compiled speed on any machine with the Vector API; interpreted is ~0.01, scalar ~10. */
    private static final double COMPILED_GFLOPS = 25;
    private static final long GIVE_UP_NANOS = 60_000_000_000L;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CountDownLatch READY = new CountDownLatch(1);
    private static volatile boolean ready = !ENABLED;

    /** Whether the vector kernel runs compiled; the first call starts the warm-up. */
    static boolean ready() {
        if (ready) return true;
        if (STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(VectorWarmup::run, "segue-gemm-warmup");
            t.setDaemon(true);
            t.start();
        }
        return ready;
    }

    /** Waits until {@link #ready()} (starting the warm-up if needed); false on timeout. */
    static boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (ready()) return true;
        return READY.await(timeout, unit);
    }

    private static void run() {
        try {
            MicroKernel k = VectorKernel.INSTANCE;
            int mr = k.mr(), nr = k.nr(), calls = 4;
            float[] pa = new float[mr * KC], pb = new float[nr * KC], c = new float[mr * nr];
            for (int i = 0; i < pa.length; i++) pa[i] = (i % 7) * 0.125f;
            for (int i = 0; i < pb.length; i++) pb[i] = (i % 5) * 0.25f;
            long start = System.nanoTime();
            boolean packedHot = false, inPlaceHot = false; // both entry points must be compiled
            while (System.nanoTime() - start < GIVE_UP_NANOS && !(packedHot && inPlaceHot)) {
                long t0 = System.nanoTime();
                for (int i = 0; i < calls; i++) k.compute(KC, pa, 0, pb, 0, c, 0, nr, 1f, i == 0 ? 0f : 1f);
                long t1 = System.nanoTime();
                // the same panel read in place: pa viewed as mr rows of KC with lda = KC (values differ, speed does not)
                for (int i = 0; i < calls; i++) k.computeInPlaceA(KC, pa, 0, KC, pb, 0, c, 0, nr, 1f, i == 0 ? 0f : 1f);
                long t2 = System.nanoTime();
                double flops = 2.0 * mr * nr * KC * calls;
                packedHot |= flops / Math.max(1, t1 - t0) > COMPILED_GFLOPS;
                inPlaceHot |= flops / Math.max(1, t2 - t1) > COMPILED_GFLOPS;
            }
        } finally { // on success, on timeout, and if the kernel failed (its errors then surface in GEMM calls)
            ready = true;
            READY.countDown();
        }
    }
}
