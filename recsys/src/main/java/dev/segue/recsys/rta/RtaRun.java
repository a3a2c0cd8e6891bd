package dev.segue.recsys.rta;

import dev.segue.core.Rng;
import dev.segue.recsys.eval.ContinuationMetrics;
import dev.segue.recsys.eval.ContinuationProtocol;
import dev.segue.recsys.train.RunDirectory;
import dev.segue.recsys.train.RunItems;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One RTA experiment end to end: read the sessions folder, build the representer and model from the
 * seed, train with {@link RtaTrainer} in the run folder (config.json, metrics.csv, checkpoints,
 * curves, test_metrics.json). Model construction is deterministic, so {@code resume} rebuilds the same
 * shapes and then restores the saved state.
 */
public final class RtaRun {
    private RtaRun() {}

    public static RtaTrainer.Outcome run(Path sessions, Path out, RepresenterSpec spec, RtaOptions o, boolean resume, long stopAfterSteps,
                                         Consumer<String> log) {
        return run(RtaCorpus.read(sessions), sessions.toString(), out, spec, o, resume, stopAfterSteps, log);
    }

    /** As above on a corpus already read (e.g. {@link RtaCorpus#fromNowplaying}); {@code source} goes into config.json. */
    public static RtaTrainer.Outcome run(RtaCorpus corpus, String source, Path out, RepresenterSpec spec, RtaOptions o, boolean resume,
                                         long stopAfterSteps, Consumer<String> log) {
        RunDirectory run = RunDirectory.open(out);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model", "rta");
        config.put("sessions", source);
        config.put("representer", spec.toJson());
        config.put("training", o.toJson());
        config.put("items", corpus.items() - 1);
        config.put("train_sessions", corpus.train().count());
        config.put("valid_queries", corpus.valid().size());
        config.put("test_queries", corpus.test().size());
        config.put("threads", dev.segue.core.cpu.Parallel.threads());
        run.writeConfig(config);
        new RunItems(corpus.trackIds()).write(out);        // track ids of the dense ids, for `segue recommend`

        Rng init = new Rng(o.seed()), dropout = new Rng(o.seed() + 1);
        Representer rep = spec.build(corpus, o, init, dropout, log);
        if (rep.dim() % o.heads() != 0)
            throw new IllegalArgumentException("rta: " + o.heads() + " attention heads do not divide the item width " + rep.dim()
                    + " (the decoder width is the embedding width; e.g. mfcc-stats is 76 wide: use --heads 4 or 2)");
        RtaModel model = new RtaModel(rep, o.heads(), o.ffn(), o.maxSize(), o.dropout(), o.layerNormEps(), dropout);
        RtaTrainer trainer = new RtaTrainer(model, dropout, o);
        RtaBatcher batcher = new RtaBatcher(corpus.train(), corpus.items(), o.maxSize(), o.nNeg(), o.batchSize(), o.seed());
        log.accept(String.format(java.util.Locale.ROOT, "rta: %s representer, d %d, %,d items, %,d training sessions (%,d batches/epoch)",
                spec.kind(), rep.dim(), corpus.items() - 1, batcher.sessions(), batcher.batchesPerEpoch()));
        RtaEvaluator ev = new RtaEvaluator(new ContinuationMetrics(corpus.artist(), corpus.popularity()), ContinuationProtocol.DEFAULT_RECOMMENDATIONS);
        return trainer.fit(run, batcher, ev, corpus.valid(), corpus.test(), resume, stopAfterSteps, log);
    }
}
