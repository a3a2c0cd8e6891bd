package dev.segue.recsys.rta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Grad;
import dev.segue.recsys.baselines.WrmfOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings of the RTA reference code (deezer/APC-RTA) that can be checked without training. */
class RtaReferenceSettingsTest {

    /** resources/params/best_params_rta.json: MF-, FM- and NN-Transformer. */
    @Test
    void defaultsAreTheReferenceParamsPerRepresenter() {
        RtaOptions mf = RtaOptions.defaults("mf");
        assertEquals(java.util.List.of(1000, 10, 40, 18, 12), java.util.List.of(mf.nNeg(), mf.nEasy(), mf.nHard(), mf.epochs(), mf.patience()));
        assertEquals(1.0, mf.lr());
        assertEquals(1.53e-5, mf.weightDecay());
        assertEquals(0.13, mf.dropout());
        RtaOptions fm = RtaOptions.defaults("fm");
        assertEquals(java.util.List.of(1000, 3, 37, 30, 12), java.util.List.of(fm.nNeg(), fm.nEasy(), fm.nHard(), fm.epochs(), fm.patience()));
        assertEquals(1.0, fm.lr());
        assertEquals(0.0, fm.weightDecay());
        assertEquals(0.0, fm.dropout());
        RtaOptions nn = RtaOptions.defaults("nn");
        assertEquals(java.util.List.of(500, 53, 18, 30, 8), java.util.List.of(nn.nNeg(), nn.nEasy(), nn.nHard(), nn.epochs(), nn.patience()));
        assertEquals(0.13, nn.lr());
        assertEquals(0.0, nn.weightDecay());
        assertEquals(0.1, nn.dropout());
        assertEquals(java.util.List.of(8, 1024), java.util.List.of(nn.nnHeads(), nn.nnFfn()));
        assertEquals(0.0, nn.nnDropout());
        for (RtaOptions o : new RtaOptions[] {mf, fm, nn}) {
            assertEquals(java.util.List.of(11, 8, 4096, 128, 1000L), java.util.List.of(o.maxSize(), o.heads(), o.ffn(), o.batchSize(), o.decayEvery()));
            assertEquals(java.util.List.of(0.9, 1.0, 0.5), java.util.List.of(o.momentum(), o.clip(), o.decayFactor()));
            assertTrue(o.nesterov());
        }
        assertEquals(mf, RtaOptions.defaults("random"));
        assertEquals(mf, RtaOptions.defaults("pretrained"));
        assertEquals(nn, RtaOptions.fromJson(new java.util.LinkedHashMap<>(nn.toJson())));
        // implicit's ALS(factors=128, regularization=12, iterations=10, alpha=1) on a binary matrix: observed weight 1
        WrmfOptions w = WrmfOptions.defaults();
        assertEquals(java.util.List.of(128, 10, 3), java.util.List.of(w.factors(), w.iterations(), w.cgSteps()));
        assertEquals(12.0, w.lambda());
        assertEquals(0.0, w.alpha());
    }

    /** StepLR(patience) stepped after batches 0, 1000, 2000, … (run_training), replayed call by call. */
    @Test
    void lrScheduleIsStepLrSteppedEveryThousandBatchesFromBatchZero() {
        RtaOptions o = RtaOptions.defaults().withDecay(0, 3);
        long calls = 0;
        for (long batch = 0; batch < 20_000; batch++) {
            double expected = Math.pow(0.5, calls / 3);       // StepLR: gamma^(last_epoch // step_size)
            assertEquals(expected, o.lrFactor(batch), "batch " + batch);
            if (batch % 1000 == 0) calls++;                   // scheduler.step() after this batch's optimizer step
        }
        assertEquals(1.0, o.lrFactor(2000));
        assertEquals(0.5, o.lrFactor(2001));                  // first halving after (patience − 1) · 1000 + 1 steps
        assertEquals(0.5, o.lrFactor(5000));
        assertEquals(0.25, o.lrFactor(5001));
    }

    /** get_pop_bucket with the reference's MAX_POP 45394; values computed with its formula in Python. */
    @Test
    void popularityBucketsAreTheReferenceLogBuckets() {
        double scale = Math.log(45394) - Math.log(2);
        long[] x = {0, 1, 2, 3, 10, 100, 1000, 45393, 45394, 100000};
        int[] expected = {0, 0, 1, 5, 17, 40, 62, 99, 99, 99};
        for (int i = 0; i < x.length; i++) assertEquals(expected[i], ItemGroups.logBucket(x[i], 100, scale), "count " + x[i]);
        // in a corpus: group = bucket + 1 (0 stays padding), the largest count lands in the last bucket
        long[] counts = {0, 1, 2, 3, 10, 49, 50};
        assertArrayEquals(new int[] {0, 1, 2, 14, 52, 100, 100}, ItemGroups.popularityBuckets(counts, 100, 0));
        assertArrayEquals(new int[] {0, 1, 2, 6, 18, 33, 34}, ItemGroups.popularityBuckets(counts, 100, 45394));
    }

    /** create_side_embeddings: every group vector starts as the mean of its songs' MF vectors; empty groups at 0. */
    @Test
    void groupEmbeddingsStartAsTheMeanOfTheirSongsVectors() {
        int v = 6, d = 3;
        Rng rng = new Rng(5);
        float[] mf = new float[v * d];
        for (int i = d; i < mf.length; i++) mf[i] = (float) rng.nextGaussian();
        // items 1…5: artists {1,1,2,2,2}, albums {1,2,3,3,4}, pop groups {1,1,3,3,3} (group 2 empty)
        ItemGroups g = new ItemGroups(new int[] {0, 1, 1, 2, 2, 2}, new int[] {0, 1, 2, 3, 3, 4}, new int[] {0, 1, 1, 3, 3, 3}, 2, 4, 3);
        MetadataTables t = new MetadataTables(Tensor.of(mf, v, d), g);
        int[][] kinds = g.byKind();
        for (int k = 0; k < 3; k++) {
            float[] table = t.groups[k].weight().contiguous().toFloatArray();
            int rows = g.rows()[k];
            for (int r = 1; r < rows; r++)
                for (int c = 0; c < d; c++) {
                    double sum = 0;
                    int n = 0;
                    for (int i = 1; i < v; i++) if (kinds[k][i] == r) { sum += mf[i * d + c]; n++; }
                    assertEquals(n == 0 ? 0 : sum / n, table[r * d + c], 1e-6, MetadataTables.KINDS[k] + " group " + r);
                }
        }
        assertArrayEquals(mf, t.song.weight().contiguous().toFloatArray());
        // the groups travel in the state dict, so a checkpoint alone rebuilds the representer
        Map<String, Tensor> state = new FmRepresenter(Tensor.of(mf, v, d), g).stateDict();
        assertArrayEquals(g.toTensor().toLongArray(), state.get("tables.group_of").toLongArray());
        ItemGroups back = ItemGroups.fromTensor(state.get("tables.group_of"), 2, 4, 3);
        assertArrayEquals(g.album(), back.album());
        assertArrayEquals(g.pop(), back.pop());
    }

    /** AttentionFMRepresenter: the decoder-style layer without positions, then Linear(tokens, 1) with a bias. */
    @Test
    void nnRepresenterIsAnUnmaskedLayerThenALinearOverTheTokens() {
        int v = 5, d = 8;
        Rng rng = new Rng(2);
        float[] mf = new float[v * d];
        for (int i = d; i < mf.length; i++) mf[i] = (float) rng.nextGaussian();
        ItemGroups g = new ItemGroups(new int[] {0, 1, 1, 2, 2}, new int[] {0, 1, 2, 3, 3}, new int[] {0, 1, 2, 2, 2}, 2, 3, 2);
        NnRepresenter nn = new NnRepresenter(Tensor.of(mf, v, d), g, 2, 16, 0, 1e-5, rng);
        Map<String, Tensor> ps = nn.namedParameters();
        assertFalse(ps.keySet().stream().anyMatch(k -> k.contains("pos_embedding")), ps.keySet().toString());
        assertArrayEquals(new int[] {1, NnRepresenter.TOKENS}, ps.get("linear.weight").shape());
        assertArrayEquals(new int[] {1}, ps.get("linear.bias").shape());
        assertArrayEquals(new int[] {16, d}, ps.get("mixer.linear1.weight").shape());
        nn.eval();
        try (var off = Grad.off()) {
            Tensor ids = Tensor.ofLongs(new long[] {1, 2, 3, 4, 3, 2}, 2, 3);
            Tensor out = nn.forward(ids);
            assertArrayEquals(new int[] {2, 3, d}, out.shape());
            // the layer mixes a song's own 4 tokens only: a song's vector does not depend on its neighbours in the batch
            float[] all = nn.all().contiguous().toFloatArray(), batch = out.contiguous().toFloatArray();
            long[] flat = ids.toLongArray();
            for (int i = 0; i < flat.length; i++)
                for (int c = 0; c < d; c++) assertEquals(all[(int) flat[i] * d + c], batch[i * d + c], 1e-5);
        }
    }
}
