package dev.segue.core.cpu.gemm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.segue.core.cpu.Parallel;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class PackOnceTest {

    @Test void everyPartIsPackedExactlyOnceUnderContention() {
        int saved = Parallel.threads();
        try {
            Parallel.setThreads(2);
            AtomicIntegerArray packs = new AtomicIntegerArray(7);
            PackOnce once = new PackOnce(7, packs::incrementAndGet);
            Parallel.forEach(200, t -> once.ensure(t % 7));
            for (int i = 0; i < 7; i++) assertEquals(1, packs.get(i), "part " + i);
        } finally {
            Parallel.setThreads(saved);
        }
    }

    @Test void aFailedPackIsReportedToLaterUsers() {
        PackOnce once = new PackOnce(1, i -> { throw new IllegalArgumentException("boom"); });
        assertThrows(IllegalArgumentException.class, () -> once.ensure(0));
        assertThrows(IllegalStateException.class, () -> once.ensure(0));
    }
}
