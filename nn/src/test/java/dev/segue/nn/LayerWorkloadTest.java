package dev.segue.nn;

import dev.segue.nn.perf.LayerWorkload;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The benchmark workloads run (small batch here); timing itself is the benchmark's job. */
class LayerWorkloadTest {
    @Test void bothWorkloadsRunForwardAndBackward() {
        for (LayerWorkload.Kind k : LayerWorkload.Kind.values()) {
            LayerWorkload w = new LayerWorkload(k, 2, 20, 1);
            assertEquals(2 * 20 * (k == LayerWorkload.Kind.XLNET ? 512 : 128), w.step());
            if (Boolean.getBoolean("segue.timeLayers")) {
                LayerWorkload big = new LayerWorkload(k, 128, 20, 1);
                System.out.printf("%s fwd+bwd %.1f seq/s, fwd %.1f seq/s%n", k,
                        LayerWorkload.sequencesPerSecond(big, big::step, 3, 7), LayerWorkload.sequencesPerSecond(big, big::forward, 3, 7));
            }
        }
    }
}
