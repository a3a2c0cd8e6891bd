package dev.segue.dsp;

import dev.segue.core.cpu.Parallel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Features computed concurrently over clips equal the sequential results bit for bit (shared caches are safe). */
class ConcurrencyTest {
    @Test
    void parallelOverClipsIsDeterministic() {
        int clips = 6;
        float[][] y = new float[clips][];
        for (int c = 0; c < clips; c++) {
            var rng = new java.util.Random(c);
            y[c] = new float[44100];
            for (int i = 0; i < y[c].length; i++) y[c][i] = (float) (0.3 * Math.sin(i * 0.02 * (c + 1)) + 0.05 * rng.nextGaussian());
        }
        for (Features.Kind kind : Features.Kind.values()) {
            Features.Options o = Features.Options.defaults();
            float[][] seq = new float[clips][];
            for (int c = 0; c < clips; c++) seq[c] = Features.compute(kind, y[c], 22050, o).data();
            float[][] par = new float[clips][];
            int old = Parallel.threads();
            Parallel.setThreads(Math.max(2, old));
            try {
                Parallel.forEach(clips, c -> par[c] = Features.compute(kind, y[c], 22050, o).data());
            } finally {
                Parallel.setThreads(old);
            }
            for (int c = 0; c < clips; c++) assertArrayEquals(seq[c], par[c], 0f, kind + " clip " + c);
        }
    }
}
