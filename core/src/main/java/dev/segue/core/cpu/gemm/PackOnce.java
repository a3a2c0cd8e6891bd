package dev.segue.core.cpu.gemm;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntConsumer;

/**
 * Packs each of {@code n} parts of a shared buffer exactly once, on demand, by whichever task needs
 * it first; a task that needs a part another task is packing spins until it is ready (packing a part
 * takes microseconds and depends on nothing, so the wait is short and cannot deadlock). This lets
 * one parallel pass both pack and compute, instead of a pack pass, a barrier and a compute pass.
 * The packed contents do not depend on who packs them, so results stay thread-count independent.
 */
final class PackOnce {
    private static final int EMPTY = 0, BUSY = 1, READY = 2, FAILED = 3;
    private final AtomicIntegerArray state;
    private final IntConsumer pack;

    PackOnce(int n, IntConsumer pack) {
        this.state = new AtomicIntegerArray(n);
        this.pack = pack;
    }

    /** Returns once part {@code i} is packed. */
    void ensure(int i) {
        int s = state.get(i);
        if (s == READY) return;
        if (s == EMPTY && state.compareAndSet(i, EMPTY, BUSY)) {
            try {
                pack.accept(i);
            } catch (Throwable e) {
                state.set(i, FAILED);
                throw e;
            }
            state.set(i, READY);
            return;
        }
        for (int spins = 0; (s = state.get(i)) != READY; spins++) {
            if (s == FAILED) throw new IllegalStateException("packing part " + i + " failed in another task");
            // spin briefly; then yield, in case the packer was descheduled on a busy machine
            if (spins < 4096) Thread.onSpinWait();
            else Thread.yield();
        }
    }
}
