package dev.segue.nn;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.layers.Embedding;
import dev.segue.nn.layers.Linear;
import dev.segue.nn.optim.Adam;
import dev.segue.nn.optim.LrSchedule;
import dev.segue.nn.optim.Optimizer;
import dev.segue.nn.optim.ParamGroup;
import dev.segue.nn.optim.ParamGroups;
import dev.segue.nn.optim.Scheduler;
import dev.segue.nn.optim.Sgd;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Optimizer behaviour beyond the PyTorch fixture steps: row-sparse tables, groups, schedules. */
class OptimizerTest {

    /** Two embeddings with the same table; one dense, one row-sparse; same batches. */
    private static float[][] train(boolean adam, boolean allRowsTouched) {
        float[][] out = new float[2][];
        for (int mode = 0; mode < 2; mode++) {
            boolean sparse = mode == 1;
            Embedding e = new Embedding(11, 3, 0, new Rng(1)).sparse(sparse);
            Linear head = new Linear(3, 1, false, new Rng(2));
            Map<String, Tensor> ps = new java.util.LinkedHashMap<>(e.namedParameters());
            List<ParamGroup> g = List.of(new ParamGroup(ps, 0.05, 0));
            Optimizer opt = adam ? new Adam(g, Adam.Variant.ADAM, 0.9, 0.999, 1e-8) : new Sgd(g, 0, 0, false);
            if (sparse) opt.addSparse("weight", e);
            Rng data = new Rng(3);
            for (int s = 0; s < 4; s++) {
                long[] ids = new long[12];
                for (int i = 0; i < ids.length; i++) ids[i] = allRowsTouched ? (i + s) % 11 : 1 + data.nextInt(4);
                opt.zeroGrad();
                Tensor loss = head.forward(e.forward(Tensor.ofLongs(ids, 3, 4))).square().mean();
                loss.backward();
                if (sparse) {
                    assertNull(e.weight().grad(), "no dense table gradient in sparse mode");
                    assertNotNull(e.sparseGrad());
                }
                opt.step();
            }
            out[mode] = e.weight().toFloatArray();
        }
        return out;
    }

    @Test void rowSparseSgdEqualsDense() {
        float[][] r = train(false, false);
        assertArrayEquals(r[0], r[1], 1e-7f);
    }

    @Test void rowSparseAdamEqualsDenseWhenEveryRowIsTouched() {
        // padding row 0 gets no gradient in either mode; dense Adam leaves it unchanged too (zero moments)
        float[][] r = train(true, true);
        assertArrayEquals(r[0], r[1], 1e-6f);
    }

    @Test void rowSparseAdamLeavesUntouchedRowsAlone() {
        float[][] r = train(true, false);
        Embedding fresh = new Embedding(11, 3, 0, new Rng(1));
        float[] init = fresh.weight().toFloatArray();
        for (int row = 5; row < 11; row++)
            for (int j = 0; j < 3; j++) assertEquals(init[row * 3 + j], r[1][row * 3 + j], 0f, "row " + row + " never touched");
        assertNotEquals(init[3], r[1][3], "row 1 was trained");
    }

    @Test void groupsGetTheirOwnDecayAndScheduledRates() {
        Linear l = new Linear(3, 2, true, new Rng(1));
        List<ParamGroup> g = ParamGroups.decayAndNoDecay(l, 0.1, 0.5);
        Sgd opt = new Sgd(g, 0, 0, false);
        Scheduler s = new Scheduler(opt, LrSchedule.cosineWarmup(1, 5, 0.5));
        float[] w0 = l.weight().toFloatArray(), b0 = l.bias().toFloatArray();
        for (int i = 0; i < 2; i++) {
            l.weight().setGrad(Tensor.zeros(2, 3));
            l.bias().setGrad(Tensor.zeros(2));
            opt.step();
            s.advance();
        }
        // zero gradients: only weight decay moves the decayed group (step 0 has lr 0 in warm-up, step 1 full lr 0.1)
        float[] w = l.weight().toFloatArray();
        for (int i = 0; i < w.length; i++) assertEquals(w0[i] * (1 - 0.1f * 0.5f), w[i], 1e-7f);
        assertArrayEquals(b0, l.bias().toFloatArray(), "no decay on biases");
        assertEquals(List.of(0.0, 0.1, 0.1 * 0.5 * (1 + Math.cos(Math.PI * 0.25))), s.history());
    }

    /**
     * A table looked up twice per step (overlapping ids) under Nesterov SGD with weight decay, or Adam with
     * L2: the dense-semantics row-sparse path (addSparse(…, false)) gives the same bits as the dense gradient,
     * untouched rows included (weight decay and momentum move them), and the same clipping norm.
     */
    @Test void rowSparseWithDenseSemanticsIsBitIdenticalToDense() {
        for (boolean adam : new boolean[] {false, true}) {
            float[][] out = new float[2][];
            double[] norms = new double[2];
            for (int mode = 0; mode < 2; mode++) {
                boolean sparse = mode == 1;
                Embedding e = new Embedding(40, 5, 0, new Rng(1)).sparse(sparse);
                Linear head = new Linear(5, 1, true, new Rng(2));
                Map<String, Tensor> ps = new java.util.LinkedHashMap<>(e.namedParameters());
                List<ParamGroup> g = List.of(new ParamGroup(ps, 0.1, 0.01));
                Optimizer opt = adam ? new Adam(g, Adam.Variant.ADAM, 0.9, 0.999, 1e-8) : new Sgd(g, 0.9, 0, true);
                if (sparse) opt.addSparse("weight", e, false);
                Rng data = new Rng(3);
                for (int s = 0; s < 5; s++) {
                    long[] a = new long[8], b = new long[6];
                    for (int i = 0; i < a.length; i++) a[i] = data.nextInt(12);          // padding 0 included
                    for (int i = 0; i < b.length; i++) b[i] = 6 + data.nextInt(12);      // overlaps a's rows
                    opt.zeroGrad();
                    Tensor ya = head.forward(e.forward(Tensor.ofLongs(a, 2, 4)));
                    Tensor yb = head.forward(e.forward(Tensor.ofLongs(b, 2, 3)));
                    Tensor loss = ya.square().mean().add(yb.mul(0.5).mean());
                    loss.backward();
                    double sq = 0;
                    if (sparse) {
                        assertNull(e.weight().grad());
                        for (var rg : opt.sparseGrads()) for (float v : rg.values().toFloatArray()) sq += (double) v * v;
                    } else for (float v : e.weight().grad().toFloatArray()) sq += (double) v * v;
                    norms[mode] += sq;
                    opt.step();
                }
                out[mode] = e.weight().toFloatArray();
            }
            assertArrayEquals(out[0], out[1], (adam ? "adam" : "sgd") + ": dense and row-sparse (dense semantics) tables differ");
            assertEquals(norms[0], norms[1], 1e-12 * norms[0]);
        }
    }

    /**
     * StepLR(12, 0.5) stepped before optimizer steps 0, 1000, 2000, …, replayed call by call the way the
     * RTA reference loop does it, against the closed form.
     */
    @Test void stepLrEveryReplaysTheReferenceStepping() {
        LrSchedule f = LrSchedule.stepLrEvery(1000, 12, 0.5);
        int calls = 0;                                   // scheduler.step() calls made before batch s
        for (long s = 0; s < 40_000; s++) {
            assertEquals(Math.pow(0.5, calls / 12), f.factor(s), "step " + s);
            if (s % 1000 == 0) calls++;                  // the reference steps its StepLR after batches 0, 1000, …
        }
        assertEquals(1.0, f.factor(11_000));
        assertEquals(0.5, f.factor(11_001));
        assertEquals(0.5, f.factor(23_000));
        assertEquals(0.25, f.factor(23_001));
    }

    /**
     * A tied table (looked up, and used as the output projection) under Adam with clipping: folding the
     * row-sparse lookup gradient into the projection's dense one before the norm gives the dense path's bits.
     */
    @Test void tiedTableFoldsItsLookupRowsIntoTheDenseGradient() {
        float[][] out = new float[2][];
        for (int mode = 0; mode < 2; mode++) {
            boolean sparse = mode == 1;
            Embedding e = new Embedding(30, 4, -1, new Rng(1)).sparse(sparse);
            Map<String, Tensor> ps = new java.util.LinkedHashMap<>(e.namedParameters());
            Optimizer opt = new Adam(List.of(new ParamGroup(ps, 0.05, 0.01)), Adam.Variant.ADAMW_HF, 0.9, 0.999, 1e-8);
            if (sparse) opt.addSparse("weight", e, false);
            Rng data = new Rng(3);
            for (int s = 0; s < 4; s++) {
                long[] ids = new long[10];
                for (int i = 0; i < ids.length; i++) ids[i] = data.nextInt(12);
                opt.zeroGrad();
                Tensor h = e.forward(Tensor.ofLongs(ids, 2, 5)).tanh();             // [2, 5, 4]
                Tensor logits = h.matmul(e.weight().mT());                         // tied: [2, 5, 30]
                logits.square().mean().backward();
                opt.foldSparseIntoDense();
                double coef = dev.segue.nn.optim.GradClip.clipCoefficient(List.of(e.weight()), opt.sparseGrads(), 0.05);
                opt.step(coef);
            }
            out[mode] = e.weight().toFloatArray();
        }
        assertArrayEquals(out[0], out[1]);
    }
}
