package dev.segue.recsys.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.core.cpu.Parallel;
import dev.segue.dsp.FloatMatrix;
import dev.segue.dsp.spectral.Chroma;
import dev.segue.dsp.spectral.Mfcc;
import dev.segue.dsp.spectral.StftParams;
import dev.segue.recsys.data.synth.SynthConfig;
import dev.segue.recsys.data.synth.SyntheticCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MfccStatsTest {
    @TempDir Path dir;

    static float[] sine(double f, int sr, int n) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) y[i] = (float) (0.5 * Math.sin(2 * Math.PI * f * i / sr));
        return y;
    }

    /**
     * Reference: numpy on the same signal with librosa's definitions (zero-padded centred frames, periodic
     * Hann, |rfft|): mean and std over frames of centroid, bandwidth, roll-off, flatness, zcr, rms.
     */
    static final double[][] SINE_1000_REF = {
        {1016.4017470402376, 52.68792181752525}, {105.97607271886949, 300.8878872478583},
        {1026.0081898082387, 53.4193289076694}, {2.0139781011276365e-05, 8.245142417881184e-05},
        {0.08762428977272728, 0.01017936506073003}, {0.34686586, 0.02276846}};

    @Test
    void shapeDescriptorsMatchANumpyReference() {
        int sr = 22_050;
        float[] v = MfccStats.compute(sine(1000, sr, sr), sr);
        int shape = 2 * (MfccStats.N_MFCC + MfccStats.N_CHROMA);
        for (int k = 0; k < MfccStats.N_SHAPE; k++) {
            double m = SINE_1000_REF[k][0], s = SINE_1000_REF[k][1];
            // flatness of a tone is ~1e-5 of float32 spectra: absolute tolerance there
            double tolM = k == 3 ? 2e-6 : 1e-4 * Math.abs(m), tolS = k == 3 ? 1e-5 : 1e-3 * Math.abs(s);
            assertEquals(m, v[shape + k], tolM, MfccStats.names()[2 * (MfccStats.N_MFCC + MfccStats.N_CHROMA) + k]);
            assertEquals(s, v[shape + MfccStats.N_SHAPE + k], tolS, MfccStats.names()[shape + MfccStats.N_SHAPE + k]);
        }
    }

    @Test
    void mfccAndChromaStatisticsAreThoseOfTheDspModule() {
        int sr = 22_050;
        float[] y = new float[sr];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / sr) + 0.05 * r.nextGaussian());
        float[] v = MfccStats.compute(y, sr);
        FloatMatrix mfcc = Mfcc.compute(y, sr, 20).mfcc();
        FloatMatrix chroma = Chroma.stft(y, sr, StftParams.of(2048, 512), 12, Double.NaN);
        for (int k = 0; k < 20; k++) {
            double[] ms = meanStd(mfcc, k);
            assertEquals(ms[0], v[k], 1e-3 * Math.max(1, Math.abs(ms[0])), "mfcc mean " + k);
            assertEquals(ms[1], v[20 + k], 1e-3 * Math.max(1, ms[1]), "mfcc std " + k);
        }
        for (int k = 0; k < 12; k++) {
            double[] ms = meanStd(chroma, k);
            assertEquals(ms[0], v[40 + k], 1e-5, "chroma mean " + k);
            assertEquals(ms[1], v[52 + k], 1e-5, "chroma std " + k);
        }
        // A4 dominates the chroma: bin 9 (C = 0)
        int best = 0;
        for (int k = 1; k < 12; k++) if (v[40 + k] > v[40 + best]) best = k;
        assertEquals(9, best);
    }

    static double[] meanStd(FloatMatrix m, int row) {
        double s = 0, q = 0;
        for (int c = 0; c < m.cols(); c++) { double x = m.get(row, c); s += x; q += x * x; }
        double mean = s / m.cols();
        return new double[] {mean, Math.sqrt(q / m.cols() - mean * mean)};
    }

    @Test
    void standardizeGivesZeroMeanUnitVarianceAndZeroForConstantColumns() {
        float[] d = {1, 5, 3, 5, 5, 5};            // [3, 2]: column 0 = 1,3,5; column 1 constant
        AudioEmbeddingExtractor.standardize(d, 3, 2);
        double s = Math.sqrt(8.0 / 3);
        assertArrayEquals(new float[] {(float) (-2 / s), 0, 0, 0, (float) (2 / s), 0}, d, 1e-6f);
    }

    @Test
    void extractedEmbeddingsRecoverPlantedGenresAndIgnoreThreadCount() throws Exception {
        Path corpus = dir.resolve("corpus");
        SyntheticCorpus.generate(SynthConfig.preset("tiny", 5), corpus, s -> { });
        List<String> ids = AudioEmbeddingExtractor.listIds(corpus);
        assertEquals(300, ids.size());
        ItemEmbeddings e = AudioEmbeddingExtractor.extract(corpus, ids, null);
        assertEquals(MfccStats.DIM, e.dim());

        int before = Parallel.threads();
        Parallel.setThreads(1);
        try {
            ItemEmbeddings one = AudioEmbeddingExtractor.extract(corpus, ids.subList(0, 40), null);
            ItemEmbeddings two;
            Parallel.setThreads(2);
            two = AudioEmbeddingExtractor.extract(corpus, ids.subList(0, 40), null);
            assertArrayEquals(one.data(), two.data());
        } finally {
            Parallel.setThreads(before);
        }

        Map<String, String> genre = new HashMap<>();
        for (String l : Files.readAllLines(corpus.resolve("synth_truth.tsv")).subList(1, 301)) {
            String[] f = l.split("\t");
            genre.put(f[0], f[3]);
        }
        // nearest neighbour (cosine) shares the genre far more often than chance (sum of squared genre shares)
        int n = e.size(), d = e.dim(), agree = 0;
        Map<String, Integer> counts = new HashMap<>();
        for (String id : ids) counts.merge(genre.get(id), 1, Integer::sum);
        double chance = 0;
        for (int c : counts.values()) chance += (double) c * c / ((double) n * n);
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestSim = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                double dot = 0, ni = 0, nj = 0;
                for (int k = 0; k < d; k++) {
                    double a = e.data()[i * d + k], b = e.data()[j * d + k];
                    dot += a * b; ni += a * a; nj += b * b;
                }
                double sim = dot / Math.sqrt(ni * nj);
                if (sim > bestSim) { bestSim = sim; best = j; }
            }
            if (genre.get(ids.get(i)).equals(genre.get(ids.get(best)))) agree++;
        }
        double rate = (double) agree / n;
        System.out.printf("mfcc-stats 1-NN genre agreement %.3f (chance %.3f)%n", rate, chance);
        assertTrue(rate > 2 * chance && rate > 0.6, "1-NN genre agreement " + rate + " vs chance " + chance);
    }

    @Test
    void missingClipIsAnErrorNamingTheTrack() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AudioEmbeddingExtractor.clip(dir, "nope"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
