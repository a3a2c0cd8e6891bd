package dev.segue.recsys.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.recsys.data.SessionCsr;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContrastiveTunerTest {

    /**
     * 60 items in 6 clusters; sessions draw from one cluster only; the input embeddings are random, so
     * only the sessions carry the cluster structure. Tuning must pull clusters together.
     */
    @Test
    void tuningLearnsTheSessionStructureAndIsReproducible() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 60, d = 8;
        float[] data = new float[n * d];
        for (int i = 0; i < data.length; i++) data[i] = (float) r.nextGaussian();
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) ids[i] = "t" + i;
        ItemEmbeddings e = new ItemEmbeddings(ids, data, d);
        int sessions = 300, len = 5;
        long[] off = new long[sessions + 1];
        int[] items = new int[sessions * len];
        for (int s = 0; s < sessions; s++) {
            int c = r.nextInt(6);
            for (int k = 0; k < len; k++) items[s * len + k] = c * 10 + r.nextInt(10);
            off[s + 1] = (long) (s + 1) * len;
        }
        SessionCsr csr = new SessionCsr(off, items);
        TuneOptions o = new TuneOptions(64, 8, 0.1, 64, 50, 2e-2, 1);
        ContrastiveTuner.Result t = ContrastiveTuner.tune(e, csr, o, null, null);
        assertTrue(t.lastLoss() < 0.8 * t.firstLoss(), "loss " + t.firstLoss() + " -> " + t.lastLoss());
        double before = clusterAgreement(e), after = clusterAgreement(t.tuned());
        System.out.printf("tune: 1-NN cluster agreement %.2f -> %.2f (chance 0.15), loss %.3f -> %.3f%n", before, after, t.firstLoss(), t.lastLoss());
        assertTrue(after > 0.9 && after > before + 0.3, "agreement " + before + " -> " + after);
        TuneOptions shortRun = new TuneOptions(64, 8, 0.1, 64, 2, 2e-2, 1);
        assertArrayEquals(ContrastiveTuner.tune(e, csr, shortRun, null, null).tuned().data(), ContrastiveTuner.tune(e, csr, shortRun, null, null).tuned().data());
    }

    static double clusterAgreement(ItemEmbeddings e) {
        int n = e.size(), d = e.dim(), ok = 0;
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bs = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                double dot = 0, ni = 0, nj = 0;
                for (int k = 0; k < d; k++) { float a = e.data()[i * d + k], b = e.data()[j * d + k]; dot += a * b; ni += a * a; nj += b * b; }
                double c = dot / Math.sqrt(ni * nj + 1e-30);
                if (c > bs) { bs = c; best = j; }
            }
            if (best / 10 == i / 10) ok++;
        }
        return (double) ok / n;
    }

    @Test
    void sessionsAreMappedToEmbeddingRowsDroppingUnknownSongs() {
        ItemEmbeddings e = new ItemEmbeddings(new String[] {"b", "a"}, new float[] {1, 2}, 1);
        long[] dropped = new long[1];
        SessionCsr rows = ContrastiveTuner.toRows(new SessionCsr(new long[] {0, 3, 4}, new int[] {1, 2, 3, 3}), new String[] {"", "a", "b", "c"}, e, dropped);
        assertArrayEquals(new long[] {0, 2, 2}, rows.offsets());
        assertArrayEquals(new int[] {1, 0}, rows.items());
        assertEquals(2, dropped[0]);
    }
}
