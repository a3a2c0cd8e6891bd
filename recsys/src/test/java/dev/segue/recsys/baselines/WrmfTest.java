package dev.segue.recsys.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.core.cpu.Parallel;
import dev.segue.recsys.data.SessionCsr;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WrmfTest {

    /** 40 random sessions over items 1..29, 2–8 songs each (with repeats, which must count once). */
    static BinaryMatrix random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 40;
        long[] off = new long[n + 1];
        int[] items = new int[n * 8];
        int p = 0;
        for (int s = 0; s < n; s++) {
            int len = 2 + r.nextInt(7);
            for (int t = 0; t < len; t++) items[p++] = 1 + r.nextInt(29);
            off[s + 1] = p;
        }
        return BinaryMatrix.of(new SessionCsr(off, java.util.Arrays.copyOf(items, p)), 30);
    }

    @Test
    void binaryMatrixDropsRepeatsAndTransposes() {
        BinaryMatrix m = BinaryMatrix.of(new SessionCsr(new long[] {0, 3, 5}, new int[] {3, 1, 3, 2, 1}), 4);
        assertArrayEquals(new int[] {0, 2, 4}, m.ptr());
        assertArrayEquals(new int[] {1, 3, 1, 2}, m.cols());
        BinaryMatrix t = m.transpose();
        assertArrayEquals(new int[] {0, 0, 2, 3, 4}, t.ptr());
        assertArrayEquals(new int[] {0, 1, 1, 0}, t.cols());
        assertThrows(IllegalArgumentException.class, () -> BinaryMatrix.of(new SessionCsr(new long[] {0, 1}, new int[] {0}), 4));
    }

    /** Dense gradient of Σ_i c_ui (p_ui − x·y_i)² + λ‖x‖² over all items: zero at the row optimum. */
    static double[] denseGradient(float[] x, int xo, float[] y, int items, int k, java.util.Set<Integer> observed, double alpha, double lambda) {
        double[] g = new double[k];
        for (int i = 0; i < items; i++) {
            double s = 0;
            for (int c = 0; c < k; c++) s += x[xo + c] * y[i * k + c];
            boolean obs = observed.contains(i);
            double conf = obs ? 1 + alpha : 1, pref = obs ? 1 : 0;
            for (int c = 0; c < k; c++) g[c] += -2 * conf * (pref - s) * y[i * k + c];
        }
        for (int c = 0; c < k; c++) g[c] += 2 * lambda * x[xo + c];
        return g;
    }

    @Test
    void exactSolveZeroesTheDenseGradientAndCgWithKStepsReachesIt() {
        BinaryMatrix m = random(7);
        WrmfOptions o = WrmfOptions.defaults().withFactors(6).withRegularization(0.3, 2.0).withSeed(3);
        Wrmf exact = Wrmf.init(m, o.withExact(true));
        Wrmf cg = Wrmf.init(m, o.withCgSteps(6));
        exact.halfStep(m, exact.itemFactors(), exact.userFactors());
        cg.halfStep(m, cg.itemFactors(), cg.userFactors());
        int k = 6;
        for (int u = 0; u < m.rows(); u++) {
            java.util.Set<Integer> obs = new java.util.HashSet<>();
            for (int t = m.ptr()[u]; t < m.ptr()[u + 1]; t++) obs.add(m.cols()[t]);
            double[] g = denseGradient(exact.userFactors(), u * k, exact.itemFactors(), 30, k, obs, 2.0, 0.3);
            for (double v : g) assertEquals(0, v, 1e-4, "gradient at the exact solution of row " + u);
        }
        // CG in exact arithmetic terminates in k steps; float32 storage leaves ~1e-6 relative error
        float[] a = exact.userFactors(), b = cg.userFactors();
        for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-4 * Math.max(1, Math.abs(a[i])), "factor " + i);
    }

    @Test
    void lossFormulaMatchesTheDenseSumAndDecreasesWithCgIterations() {
        BinaryMatrix m = random(11);
        WrmfOptions o = WrmfOptions.defaults().withFactors(8).withRegularization(0.5, 1.0).withSeed(5);
        Wrmf w = Wrmf.init(m, o);
        double prev = w.loss(m);
        assertEquals(dense(w, m, o), prev, 1e-6 * Math.abs(prev));
        BinaryMatrix t = m.transpose();
        for (int it = 0; it < 8; it++) {
            w.halfStep(m, w.itemFactors(), w.userFactors());
            w.halfStep(t, w.userFactors(), w.itemFactors());
            double l = w.loss(m);
            assertTrue(l <= prev + 1e-6 * Math.abs(prev), "iteration " + it + ": loss " + l + " after " + prev);
            prev = l;
        }
        assertEquals(dense(w, m, o), prev, 1e-5 * Math.abs(prev));
        // the fit explains the data: observed cells score well above unobserved ones on average
        int k = 8;
        double obs = 0, un = 0;
        int no = 0, nu = 0;
        for (int u = 0; u < m.rows(); u++) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int q = m.ptr()[u]; q < m.ptr()[u + 1]; q++) seen.add(m.cols()[q]);
            for (int i = 1; i < 30; i++) {
                double s = 0;
                for (int c = 0; c < k; c++) s += w.userFactors()[u * k + c] * w.itemFactors()[i * k + c];
                if (seen.contains(i)) { obs += s; no++; } else { un += s; nu++; }
            }
        }
        assertTrue(obs / no > 3 * Math.abs(un / nu) && obs / no > 0.3, "mean observed score " + obs / no + ", unobserved " + un / nu);
    }

    static double dense(Wrmf w, BinaryMatrix m, WrmfOptions o) {
        int k = o.factors();
        double total = 0;
        for (int u = 0; u < m.rows(); u++) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int q = m.ptr()[u]; q < m.ptr()[u + 1]; q++) seen.add(m.cols()[q]);
            for (int i = 0; i < m.columns(); i++) {
                double s = 0;
                for (int c = 0; c < k; c++) s += (double) w.userFactors()[u * k + c] * w.itemFactors()[i * k + c];
                boolean ob = seen.contains(i);
                total += (ob ? 1 + o.alpha() : 1) * Math.pow((ob ? 1 : 0) - s, 2);
            }
        }
        return total + o.lambda() * (Wrmf.squaredNorm(w.userFactors()) + Wrmf.squaredNorm(w.itemFactors()));
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        BinaryMatrix m = random(13);
        WrmfOptions o = WrmfOptions.defaults().withFactors(5).withIterations(3);
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            float[] one = Wrmf.fit(m, o, null).itemFactors();
            Parallel.setThreads(2);
            float[] two = Wrmf.fit(m, o, null).itemFactors();
            assertArrayEquals(one, two);
            // padding column 0 never occurs: its factors are exactly 0
            for (int c = 0; c < 5; c++) assertEquals(0f, two[c]);
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void itemFactorsExportAsEmbeddingsKeyedByTrackId() {
        dev.segue.recsys.data.IdDictionary users = new dev.segue.recsys.data.IdDictionary(), tracks = new dev.segue.recsys.data.IdDictionary();
        users.add("u");
        for (String t : new String[] {"x", "y", "z"}) tracks.add(t);
        // one session z, x, z, y → dense ids z=1, x=2, y=3
        var s = new dev.segue.recsys.data.Sessions(users, tracks, new int[] {0, 4}, new int[] {2, 0, 2, 1}, new int[] {0}, new long[] {0});
        var vocab = dev.segue.recsys.data.ItemVocabulary.of(s);
        SessionCsr csr = SessionCsr.of(s, vocab, new int[] {0});
        Wrmf w = Wrmf.fit(BinaryMatrix.of(csr, vocab.size()), WrmfOptions.defaults().withFactors(3).withIterations(2), null);
        var e = w.itemEmbeddings(vocab);
        assertArrayEquals(new String[] {"z", "x", "y"}, e.ids());
        assertArrayEquals(java.util.Arrays.copyOfRange(w.itemFactors(), 3, 12), e.data());
        // aligned back to the vocabulary it is the factor table itself (row 0 padding = 0)
        assertArrayEquals(w.itemFactors(), e.alignTo(vocab, false, new dev.segue.core.Rng(1), 0.1).table().toFloatArray());
    }
}
