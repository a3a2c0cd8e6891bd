package dev.segue.core.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The engine's one thread pool: a fixed {@link ForkJoinPool} sized to the cores (or to the system
 * property {@code segue.threads}, or {@link #setThreads}). Kernels split their work into tasks whose
 * boundaries never depend on the thread count, so results are bit-identical for any number of threads
 * (given the same kernel choices). Calls made from inside a pool worker run serially on that worker,
 * so nested parallel kernels neither deadlock nor oversubscribe.
 */
public final class Parallel {
    private Parallel() {}

    private static volatile int threads = defaultThreads();
    private static volatile ForkJoinPool pool;

    private static int defaultThreads() {
        String p = System.getProperty("segue.threads");
        if (p == null || p.isBlank()) p = System.getenv("SEGUE_THREADS");
        if (p != null && !p.isBlank()) {
            try {
                int n = Integer.parseInt(p.trim());
                if (n >= 1) return n;
            } catch (NumberFormatException ignored) { }
            throw new IllegalArgumentException("segue.threads must be a positive integer, got '" + p + "'");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    public static int threads() { return threads; }

    /** Sets the number of threads used by every kernel from now on (1 = serial). */
    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
        if (n == threads) return;
        ForkJoinPool old = pool;
        pool = null;
        threads = n;
        if (old != null) old.shutdown();
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(threads, pl -> {
                        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pl);
                        t.setName("segue-worker-" + t.getPoolIndex());
                        t.setDaemon(true);
                        return t;
                    }, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }

    private static boolean insideWorker() {
        Thread t = Thread.currentThread();
        return t instanceof ForkJoinWorkerThread && ((ForkJoinWorkerThread) t).getPool() == pool;
    }

    /**
     * Runs {@code task.accept(i)} for every i in [0, nTasks), spread over the pool; returns when all are
     * done. Tasks must write disjoint outputs. The first exception thrown by a task is rethrown.
     */
    public static void forEach(int nTasks, IntConsumer task) {
        int t = threads;
        if (nTasks <= 0) return;
        if (t == 1 || nTasks == 1 || insideWorker()) {
            for (int i = 0; i < nTasks; i++) task.accept(i);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            int i;
            while ((i = next.getAndIncrement()) < nTasks) task.accept(i);
        };
        int helpers = Math.min(t, nTasks) - 1;
        ForkJoinPool p = pool();
        @SuppressWarnings("unchecked")
        ForkJoinTask<?>[] fs = new ForkJoinTask<?>[helpers];
        for (int k = 0; k < helpers; k++) fs[k] = p.submit(worker);
        Throwable first = null;
        try {
            worker.run();
        } catch (Throwable e) {
            first = e;
            next.set(nTasks);
        }
        for (ForkJoinTask<?> f : fs) {
            try {
                f.join();
            } catch (Throwable e) {
                if (first == null) first = e;
            }
        }
        if (first instanceof RuntimeException) throw (RuntimeException) first;
        if (first instanceof Error) throw (Error) first;
        if (first != null) throw new RuntimeException(first);
    }

    /** A body over a half-open index range. */
    @FunctionalInterface
    public interface RangeBody { void run(int from, int to); }

    /**
     * Splits [0, n) into chunks of {@code grain} indices (the last may be shorter) and runs them in
     * parallel. The chunking depends only on n and grain, never on the thread count.
     */
    public static void forRange(int n, int grain, RangeBody body) {
        if (n <= 0) return;
        int g = Math.max(1, grain);
        int chunks = (int) ((n + (long) g - 1) / g);
        forEach(chunks, c -> body.run(c * g, Math.min(n, c * g + g)));
    }
}
