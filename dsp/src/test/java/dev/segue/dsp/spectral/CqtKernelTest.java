package dev.segue.dsp.spectral;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CqtKernelTest {
    @Test
    void contiguousProductMatchesSparseNaive() {
        float[] y = new float[20000];
        var rng = new java.util.Random(11);
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.3 * Math.sin(i * 0.37) + 0.05 * rng.nextGaussian());
        double[] freqs = Cqt.frequencies(12, 2093.0, 12, 0.0);
        float[][][] r = Cqt.compareResponse(y, 22050, freqs, 512);
        double peak = 0, err = 0;
        for (int c = 0; c < 2; c++)
            for (int i = 0; i < r[0][c].length; i++) {
                peak = Math.max(peak, Math.abs(r[1][c][i]));
                err = Math.max(err, Math.abs(r[0][c][i] - r[1][c][i]));
            }
        assertTrue(peak > 0);
        assertTrue(err <= 1e-6 * peak, "fast vs naive octave product: " + err / peak);
    }

    /** Random signals, 12 and 36 bins per octave, odd lengths and hops (partial last batches, padded edges). */
    @Test
    void randomOctavesMatchNaive() {
        var rng = new java.util.Random(12);
        for (int bpo : new int[] {12, 36})
            for (int[] nh : new int[][] {{20001, 512}, {3001, 64}, {777, 100}, {50, 16}}) {
                float[] y = new float[nh[0]];
                for (int i = 0; i < y.length; i++) y[i] = (float) rng.nextGaussian();
                double[] freqs = Cqt.frequencies(bpo, 1046.5, bpo, 0.0);
                float[][][] r = Cqt.compareResponse(y, 22050, freqs, nh[1], bpo);
                double peak = 0, err = 0;
                for (int c = 0; c < 2; c++)
                    for (int i = 0; i < r[0][c].length; i++) {
                        peak = Math.max(peak, Math.abs(r[1][c][i]));
                        err = Math.max(err, Math.abs(r[0][c][i] - r[1][c][i]));
                    }
                assertTrue(peak > 0);
                assertTrue(err <= 2e-6 * peak, bpo + " " + nh[0] + "/" + nh[1] + ": " + err / peak);
            }
    }
}
