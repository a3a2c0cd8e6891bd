package dev.segue.core;

import dev.segue.core.autograd.AnomalyException;
import dev.segue.core.autograd.Grad;
import dev.segue.core.cpu.Parallel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TensorTest {

    @Test
    void viewsShareStorageAndStrides() {
        Tensor x = Tensor.arange(0, 24, 1).reshape(2, 3, 4);
        Tensor t = x.transpose(0, 2);
        assertArrayEquals(new int[]{4, 3, 2}, t.shape());
        assertSame(x.storage(), t.storage());
        assertFalse(t.isContiguous());
        assertEquals(13.0, t.narrow(0, 1, 1).narrow(1, 0, 1).narrow(2, 1, 1).item());   // x[1, 0, 1]
        Tensor e = Tensor.of(new float[]{1, 2, 3}, 3, 1).expand(3, 4);
        assertEquals(0, e.stride(1));
        assertArrayEquals(new float[]{1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}, e.toFloatArray());
        // reshape of a transposed tensor must copy, view must refuse with a clear message
        IllegalArgumentException err = assertThrows(IllegalArgumentException.class, () -> t.view(24));
        assertTrue(err.getMessage().contains("reshape"), err.getMessage());
        assertArrayEquals(t.contiguous().toFloatArray(), t.reshape(24).toFloatArray());
        assertArrayEquals(new int[]{2, 12}, x.view(2, -1).shape());
        assertArrayEquals(new int[]{3, 4}, x.select(0, 1).shape());
    }

    @Test
    void shapeErrorsNameTheOpAndBothShapes() {
        Tensor a = Tensor.zeros(2, 3), b = Tensor.zeros(4, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
        assertTrue(e.getMessage().contains("add") && e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.matmul(b));
        assertTrue(e.getMessage().contains("matmul") && e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 3]"), e.getMessage());
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsAndZeroGradClears() {
        Tensor w = Tensor.of(new float[]{1, 2, 3}, 3).requiresGrad(true);
        w.mul(w).sum().backward();             // d/dw sum(w^2) = 2w
        w.mul(3.0).sum().backward();           // + 3
        assertArrayEquals(new float[]{5, 7, 9}, w.grad().toFloatArray());
        w.zeroGrad();
        assertNull(w.grad());
        // a tensor used twice gets both contributions
        Tensor x = Tensor.of(new float[]{2}, 1).requiresGrad(true);
        x.mul(x).mul(x).sum().backward();      // 3x^2 = 12
        assertEquals(12.0, x.grad().item(), 1e-6);
    }

    @Test
    void noGradScopeRecordsNothingAndDetachCuts() {
        Tensor w = Tensor.ones(2).requiresGrad(true);
        try (Grad g = Grad.off()) {
            Tensor y = w.mul(2.0);
            assertFalse(y.requiresGrad());
            assertNull(y.gradFn());
        }
        assertTrue(w.mul(2.0).requiresGrad());
        assertFalse(w.mul(2.0).detach().requiresGrad());
        assertThrows(IllegalStateException.class, () -> Tensor.ones(2).sum().backward());
    }

    @Test
    void backwardWithExplicitUpstreamGradient() {
        Tensor x = Tensor.of(new float[]{1, 2, 3, 4}, 2, 2).requiresGrad(true);
        Tensor y = x.mul(x);
        y.backward(Tensor.of(new float[]{1, 0, 0.5f, 2}, 2, 2));
        assertArrayEquals(new float[]{2, 0, 3, 16}, x.grad().toFloatArray());
    }

    @Test
    void anomalyModeNamesTheFirstOpThatMadeNaN() {
        Grad.anomaly(true);
        try {
            Tensor x = Tensor.of(new float[]{1, -1}, 2).requiresGrad(true);
            AnomalyException e = assertThrows(AnomalyException.class, () -> x.sqrt().exp().sum());
            assertTrue(e.getMessage().contains("sqrt"), e.getMessage());
        } finally {
            Grad.anomaly(false);
        }
    }

    @Test
    void topkMatchesASortAndBreaksTiesByIndex() {
        Rng r = new Rng(5);
        float[] v = new float[7 * 300];
        for (int i = 0; i < v.length; i++) v[i] = (float) Math.floor(r.nextGaussian() * 4);   // many ties
        Tensor x = Tensor.of(v, 7, 300);
        for (boolean largest : new boolean[]{true, false}) {
            Tensor[] tk = x.topk(20, largest);
            float[] vals = tk[0].toFloatArray();
            long[] idx = tk[1].toLongArray();
            for (int row = 0; row < 7; row++) {
                Integer[] order = new Integer[300];
                for (int j = 0; j < 300; j++) order[j] = j;
                final int rr = row;
                java.util.Arrays.sort(order, (a, b) -> {
                    int c = Float.compare(v[rr * 300 + b], v[rr * 300 + a]);
                    if (!largest) c = -c;
                    return c != 0 ? c : Integer.compare(a, b);
                });
                for (int k = 0; k < 20; k++) {
                    assertEquals(order[k].longValue(), idx[row * 20 + k]);
                    assertEquals(v[row * 300 + order[k]], vals[row * 20 + k]);
                }
            }
        }
    }

    /** Column sums over tall and wide shapes (row chunks and column blocks of the float32 path) against a double sum. */
    @Test
    void columnSumsOfTallAndWideTensorsMatchADoubleSum() {
        Rng r = new Rng(12);
        for (int[] sh : new int[][] {{20_001, 3}, {300, 5_000}, {1, 9}, {700, 2_049}}) {
            Tensor m = Tensor.randn(r, sh[0], sh[1]);
            float[] mv = m.toFloatArray(), cols = m.sum(0, false).toFloatArray();
            for (int j = 0; j < sh[1]; j++) {
                double c = 0, mag = 0;
                for (int i = 0; i < sh[0]; i++) { c += mv[i * sh[1] + j]; mag += Math.abs(mv[i * sh[1] + j]); }
                assertEquals(c, cols[j], Math.ulp((float) c) + 1e-12 * mag, "shape " + sh[0] + "x" + sh[1] + " column " + j);
            }
        }
    }

    @Test
    void largeReductionsMatchANaiveDoubleSum() {
        Rng r = new Rng(9);
        int n = 200_003;
        Tensor x = Tensor.randn(r, n);
        float[] v = x.toFloatArray();
        double s = 0;
        for (float f : v) s += f;
        assertEquals(s, x.sum().item(), 1e-9 * n);
        Tensor m = Tensor.randn(r, 513, 257);
        float[] mv = m.toFloatArray();
        float[] cols = m.sum(0, false).toFloatArray();
        for (int j = 0; j < 257; j++) {
            double c = 0;
            for (int i = 0; i < 513; i++) c += mv[i * 257 + j];
            assertEquals((float) c, cols[j]);
        }
        float[] rowsMax = m.amax(new int[]{1}, false).toFloatArray();
        for (int i = 0; i < 513; i++) {
            float mx = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < 257; j++) mx = Math.max(mx, mv[i * 257 + j]);
            assertEquals(mx, rowsMax[i]);
        }
    }

    @Test
    void sameSeedAndThreadsGiveBitIdenticalResults() {
        int old = Parallel.threads();
        try {
            float[][] runs = new float[3][];
            int[] threads = {1, 2, 2};
            for (int k = 0; k < 3; k++) {
                Parallel.setThreads(threads[k]);
                Rng r = new Rng(42);
                Tensor a = Tensor.randn(r, 300, 200).requiresGrad(true), b = Tensor.randn(r, 200, 150).requiresGrad(true);
                Tensor y = a.matmul(b).gelu().layerNorm(1, null, null, 1e-5).softmax(-1);
                Tensor loss = y.sum(0, false).logsumexp(0, false).add(y.mean());
                loss.backward();
                float[] ga = a.grad().toFloatArray(), gb = b.grad().toFloatArray();
                float[] all = new float[ga.length + gb.length + 1];
                System.arraycopy(ga, 0, all, 0, ga.length);
                System.arraycopy(gb, 0, all, ga.length, gb.length);
                all[all.length - 1] = (float) loss.item();
                runs[k] = all;
            }
            assertArrayEquals(runs[1], runs[2], "same seed, same threads");
            assertArrayEquals(runs[0], runs[1], "the kernels split work independently of the thread count");
        } finally {
            Parallel.setThreads(old);
        }
    }

    @Test
    void rngIsReproducibleAndRestorable() {
        Rng a = new Rng(123), b = new Rng(123);
        for (int i = 0; i < 100; i++) assertEquals(a.nextLong(), b.nextLong());
        a.nextGaussian();                      // leaves a spare normal in the state
        long[] st = a.state();
        double[] expect = {a.nextGaussian(), a.nextGaussian(), a.nextDouble(), a.nextInt(17)};
        Rng c = new Rng(0);
        c.setState(st);
        assertArrayEquals(expect, new double[]{c.nextGaussian(), c.nextGaussian(), c.nextDouble(), c.nextInt(17)});
        // uniform ints cover the range without bias (chi-square-free sanity: every bucket within 10%)
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) counts[a.nextInt(7)]++;
        for (int cnt : counts) assertTrue(Math.abs(cnt - 10_000) < 1_000, java.util.Arrays.toString(counts));
    }

    @Test
    void erfMatchesReferenceValues() {
        // values of erf from Abramowitz & Stegun Table 7.1 / high-precision references
        double[][] ref = {{0.1, 0.1124629160182849}, {0.5, 0.5204998778130465}, {1.0, 0.8427007929497149},
                {2.0, 0.9953222650189527}, {2.5, 0.9995930479825550}, {3.0, 0.9999779095030014}, {4.5, 0.9999999998033839}};
        for (double[] p : ref) {
            assertEquals(p[1], Tensor.of(new double[]{p[0]}, 1).erf().item(), 1e-15);
            assertEquals(-p[1], Tensor.of(new double[]{-p[0]}, 1).erf().item(), 1e-15);
        }
    }

    @Test
    void toStringShowsShapeAndPreview() {
        String s = Tensor.arange(0, 20, 1).reshape(4, 5).toString();
        assertTrue(s.contains("[4, 5]") && s.contains("0, 1, 2") && s.contains("20 values"), s);
    }

    @Test
    void float32FastPathsMatchTheFloat64ReferencePath() {
        // the float32 kernels (vectorised rows) against the generic double-precision kernels on the same data
        Rng r = new Rng(77);
        for (int n : new int[]{1, 17, 129, 1000}) {
            Tensor x32 = Tensor.randn(r, 9, n).mul(3.0).add(2.0), g32 = Tensor.randn(r, 9, n);
            Tensor w32 = Tensor.randn(r, n), b32 = Tensor.randn(r, n);
            Tensor target = Tensor.randint(r, 0, n, 9);
            java.util.function.Function<Tensor[], Tensor[]> run = in -> {
                Tensor x = in[0].detach().requiresGrad(true), w = in[1].detach().requiresGrad(true), b = in[2].detach().requiresGrad(true);
                Tensor y = x.layerNorm(1, w, b, 1e-5).mul(in[3]).sum()
                        .add(x.softmax(-1).mul(in[3]).sum()).add(x.logSoftmax(-1).mul(in[3]).sum())
                        .add(x.crossEntropy(target, -100, 0.1, "mean")).add(x.gelu().mul(in[3]).sum());
                y.backward();
                return new Tensor[]{y, x.grad(), w.grad(), b.grad()};
            };
            Tensor[] f = run.apply(new Tensor[]{x32, w32, b32, g32});
            Tensor[] d = run.apply(new Tensor[]{x32.to(DType.F64), w32.to(DType.F64), b32.to(DType.F64), g32.to(DType.F64)});
            for (int k = 0; k < f.length; k++) {
                double[] a = f[k].toDoubleArray(), e = d[k].toDoubleArray();
                double md = 0, mr = 0;
                for (int i = 0; i < a.length; i++) { md = Math.max(md, Math.abs(a[i] - e[i])); mr = Math.max(mr, Math.abs(e[i])); }
                assertTrue(md <= 2e-5 * Math.max(mr, 1e-3), "n=" + n + " tensor " + k + ": " + md + " vs scale " + mr);
            }
        }
    }

    @Test
    void fusedInPlaceUpdateSweepsEveryElementOnce() {
        Rng r = new Rng(8);
        int n = 100_003;                                    // several chunks and a ragged end
        Tensor p = Tensor.randn(r, n), g = Tensor.randn(r, n), m = Tensor.zeros(n);
        float[] p0 = p.toFloatArray(), g0 = g.toFloatArray();
        Backend.cpu().updateInPlace(p, g, new Tensor[]{m}, (pa, po, ga, go, st, so, from, to) -> {
            for (int i = from; i < to; i++) {
                st[0][so[0] + i] = 0.9f * st[0][so[0] + i] + ga[go + i];
                pa[po + i] -= 0.1f * st[0][so[0] + i];
            }
        });
        float[] p1 = p.toFloatArray(), m1 = m.toFloatArray();
        for (int i = 0; i < n; i++) {
            assertEquals(g0[i], m1[i]);
            assertEquals(p0[i] - 0.1f * g0[i], p1[i]);
        }
        // a view with an offset is updated where it lies in its storage
        Tensor big = Tensor.zeros(10), part = big.narrow(0, 3, 4);
        Backend.cpu().updateInPlace(part, Tensor.ones(4), new Tensor[0], (pa, po, ga, go, st, so, from, to) -> {
            for (int i = from; i < to; i++) pa[po + i] += ga[go + i];
        });
        assertArrayEquals(new float[]{0, 0, 0, 1, 1, 1, 1, 0, 0, 0}, big.toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backend.cpu().updateInPlace(
                Tensor.zeros(4, 4).transpose(0, 1), Tensor.zeros(4, 4), new Tensor[0], (pa, po, ga, go, st, so, from, to) -> { }));
        assertTrue(e.getMessage().contains("not contiguous"), e.getMessage());
    }
}
