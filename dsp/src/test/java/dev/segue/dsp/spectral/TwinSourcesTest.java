package dev.segue.dsp.spectral;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DoubleBatchFft.java is exactly the twin {@link TwinSources} generates from FloatBatchFft.java. */
class TwinSourcesTest {
    @Test
    void doubleBatchFftIsTheGeneratedTwin() throws Exception {
        String f = Files.readString(TwinSources.DIR.resolve("FloatBatchFft.java")), d = Files.readString(TwinSources.DIR.resolve("DoubleBatchFft.java"));
        assertEquals(TwinSources.generate(f, d), d, "DoubleBatchFft.java is out of step with FloatBatchFft.java: regenerate (see TwinSources)");
    }
}
