package dev.segue.recsys.rta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.core.io.SafeTensors;
import dev.segue.recsys.baselines.WrmfOptions;
import dev.segue.recsys.data.SessionPipeline;
import dev.segue.recsys.data.synth.SynthConfig;
import dev.segue.recsys.data.synth.SyntheticCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RtaTrainingTest {
    @TempDir static Path dir;
    static Path corpus, sessions;

    @BeforeAll
    static void corpus() {
        corpus = dir.resolve("corpus");
        sessions = dir.resolve("sessions");
        SyntheticCorpus.generate(SynthConfig.preset("tiny", 3).withAudio(0, 22_050), corpus, s -> { });
        SessionPipeline.run(corpus, null, sessions, SessionPipeline.Options.defaults(), s -> { });
    }

    static RtaOptions small(int epochs) {
        return RtaOptions.defaults().withSizes(2, 32).withNegatives(20, 5, 5).withTraining(0.5, epochs, 128).withSeed(4);
    }

    static RepresenterSpec spec(String kind) {
        return new RepresenterSpec(kind, 16, null, null, false, false, corpus, 5, WrmfOptions.defaults().withFactors(16).withIterations(4));
    }

    /** The mf run also serves as the uninterrupted reference of the resume check (one training run fewer). */
    @Test
    void mfRunLearnsAndAResumedRunEndsExactlyLikeIt() throws Exception {
        Path a = dir.resolve("run-a"), b = dir.resolve("run-b");
        RtaTrainer.Outcome full = RtaRun.run(sessions, a, spec("mf"), small(2), false, 0, s -> { });
        List<String> rows = Files.readAllLines(a.resolve("metrics.csv"));
        int loss = List.of(rows.get(0).split(",")).indexOf("train_loss");
        double first = Double.parseDouble(rows.get(1).split(",")[loss]), last = Double.parseDouble(rows.get(2).split(",")[loss]);
        assertTrue(last < first, "training loss " + first + " -> " + last);
        // a uniform random list of 20 of the ~299 songs recalls about 20/299 of the withheld songs
        double recall = full.test().summary("recall@20").mean();
        System.out.printf("rta mf on tiny: test recall@20 %.3f ndcg@20 %.3f (chance recall ~%.3f)%n", recall, full.test().summary("ndcg@20").mean(), 20.0 / 299);
        assertTrue(recall > 2 * 20.0 / 299, "recall@20 " + recall);

        int perEpoch = new RtaBatcher(RtaCorpus.read(sessions).train(), RtaCorpus.read(sessions).items(), 11, 20, 128, 4).batchesPerEpoch();
        // "killed" in the middle of epoch 2, then resumed by a fresh process-equivalent
        RtaTrainer.Outcome cut = RtaRun.run(sessions, b, spec("mf"), small(2), false, perEpoch + perEpoch / 2, s -> { });
        assertTrue(cut.stopped());
        assertThrows(IllegalStateException.class, () -> RtaRun.run(sessions, b, spec("mf"), small(2), false, 0, s -> { }));
        RtaTrainer.Outcome resumed = RtaRun.run(sessions, b, spec("mf"), small(2), true, 0, s -> { });

        var ta = SafeTensors.read(a.resolve(RtaTrainer.LAST)).tensors();
        var tb = SafeTensors.read(b.resolve(RtaTrainer.LAST)).tensors();
        assertEquals(ta.keySet(), tb.keySet());
        for (String k : ta.keySet()) assertArrayEquals(ta.get(k).toFloats(), tb.get(k).toFloats(), k);
        assertEquals(full.bestEpoch(), resumed.bestEpoch());
        assertEquals(full.test().summary("ndcg@20").mean(), resumed.test().summary("ndcg@20").mean());
        assertEquals(withoutSeconds(a), withoutSeconds(b));
        for (String f : List.of("config.json", "metrics.csv", "test_metrics.json", "learning_curve.png", "validation_curve.png", RtaTrainer.BEST))
            assertTrue(Files.size(a.resolve(f)) > 0, f);
    }

    static List<String> withoutSeconds(Path run) throws Exception {
        return Files.readAllLines(run.resolve("metrics.csv")).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void fmAndNnRepresentersTrain() {
        for (String kind : List.of("random", "fm", "nn")) {
            RtaTrainer.Outcome r = RtaRun.run(sessions, dir.resolve("run-" + kind), spec(kind), small(1), false, 0, s -> { });
            double v = r.test().summary("ndcg@20").mean();
            assertTrue(Double.isFinite(v) && v > 0, kind + " ndcg@20 " + v);
        }
    }
}
