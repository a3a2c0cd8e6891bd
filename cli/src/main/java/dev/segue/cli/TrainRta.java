package dev.segue.cli;

import dev.segue.core.cpu.Parallel;
import dev.segue.recsys.baselines.WrmfOptions;
import dev.segue.recsys.rta.RepresenterSpec;
import dev.segue.recsys.rta.RtaOptions;
import dev.segue.recsys.rta.RtaRun;
import dev.segue.recsys.rta.RtaTrainer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code segue train rta}: train and evaluate an RTA model (Represent-Then-Aggregate) on a sessions folder. */
@Command(name = "rta", mixinStandardHelpOptions = true,
        description = "Train an RTA model (representer + RTA transformer decoder) as the reference code does, evaluate with the RTA protocol.")
public final class TrainRta implements Callable<Integer> {
    @Option(names = "--sessions", description = "output folder of `segue sessions`") Path sessions;
    @Option(names = "--nowplaying", description = "instead of --sessions: #nowplaying folder (train_sessions.tsv, test.tsv; random / mf only)") Path nowplaying;
    @Option(names = "--min-length", defaultValue = "11", description = "nowplaying: test sessions with at least this many songs form the RTA queries (default ${DEFAULT-VALUE})") int minLength;
    @Option(names = "--out", required = true, description = "run folder (config.json, metrics.csv, checkpoints, test_metrics.json, curves)") Path out;
    @Option(names = "--resume", description = "continue the interrupted run in --out") boolean resume;
    @Option(names = "--representer", defaultValue = "mf", description = "random, mf, fm, nn or pretrained (default ${DEFAULT-VALUE})") String representer;
    @Option(names = "--dim", defaultValue = "128", description = "width of the random representer (default ${DEFAULT-VALUE}); mf/fm/nn use --factors, pretrained its table") int dim;
    @Option(names = "--embeddings", description = "pretrained: .npy [tracks, d]") Path embeddings;
    @Option(names = "--ids", description = "pretrained: ids of the rows (default <embeddings>.ids.txt)") Path ids;
    @Option(names = "--allow-missing", description = "pretrained: random rows for items without an embedding") boolean allowMissing;
    @Option(names = "--freeze", description = "keep the initial item table fixed") boolean freeze;
    @Option(names = "--music4all", description = "fm/nn: Music4All-layout folder (album names from id_information.csv)") Path music4all;
    @Option(names = "--pop-buckets", defaultValue = "10", description = "fm/nn: popularity buckets (default ${DEFAULT-VALUE})") int popBuckets;
    @Option(names = "--factors", defaultValue = "128", description = "WRMF factors (default ${DEFAULT-VALUE})") int factors;
    @Option(names = "--wrmf-lambda", defaultValue = "12", description = "WRMF regularisation (default ${DEFAULT-VALUE})") double lambda;
    @Option(names = "--wrmf-alpha", defaultValue = "1", description = "WRMF confidence weight (default ${DEFAULT-VALUE})") double alpha;
    @Option(names = "--wrmf-iterations", defaultValue = "10", description = "WRMF ALS iterations (default ${DEFAULT-VALUE})") int wrmfIterations;
    @Option(names = "--wrmf-cg-steps", defaultValue = "3", description = "conjugate-gradient steps per row solve (default ${DEFAULT-VALUE})") int cgSteps;
    @Option(names = "--epochs", defaultValue = "30", description = "(default ${DEFAULT-VALUE})") int epochs;
    @Option(names = "--batch-size", defaultValue = "128", description = "(default ${DEFAULT-VALUE})") int batch;
    @Option(names = "--lr", description = "SGD learning rate (default 1.0; 0.13 for nn)") Double lr;
    @Option(names = "--momentum", defaultValue = "0.9", description = "Nesterov momentum (default ${DEFAULT-VALUE})") double momentum;
    @Option(names = "--weight-decay", defaultValue = "1e-5", description = "(default ${DEFAULT-VALUE})") double wd;
    @Option(names = "--patience", defaultValue = "5", description = "halve the LR every patience × 1000 batches (default ${DEFAULT-VALUE})") int patience;
    @Option(names = "--clip", defaultValue = "1.0", description = "gradient norm clipping, 0 = off (default ${DEFAULT-VALUE})") double clip;
    @Option(names = "--max-size", defaultValue = "11", description = "window of consecutive songs per session (default ${DEFAULT-VALUE})") int maxSize;
    @Option(names = "--heads", defaultValue = "8", description = "(default ${DEFAULT-VALUE})") int heads;
    @Option(names = "--ffn", defaultValue = "4096", description = "(default ${DEFAULT-VALUE})") int ffn;
    @Option(names = "--dropout", defaultValue = "0.1", description = "(default ${DEFAULT-VALUE})") double dropout;
    @Option(names = "--n-neg", defaultValue = "50", description = "negative candidates per session (default ${DEFAULT-VALUE})") int nNeg;
    @Option(names = "--n-easy", defaultValue = "10", description = "easy (uniform) negatives kept (default ${DEFAULT-VALUE})") int nEasy;
    @Option(names = "--n-hard", defaultValue = "10", description = "hard negatives kept: highest-scoring candidates (default ${DEFAULT-VALUE})") int nHard;
    @Option(names = "--init-std", defaultValue = "0.05", description = "std of random item rows (default ${DEFAULT-VALUE})") double initStd;
    @Option(names = "--seed", defaultValue = "1", description = "(default ${DEFAULT-VALUE})") long seed;
    @Option(names = "--threads", description = "worker threads (default: all cores); results are identical for equal seed and thread count") Integer threads;

    /** Standalone entry until the command is registered under {@code segue train}: java -cp segue.jar dev.segue.cli.TrainRta … */
    public static void main(String[] args) { System.exit(new picocli.CommandLine(new TrainRta()).execute(args)); }

    @Override public Integer call() {
        if (threads != null) Parallel.setThreads(threads);
        Path idsFile = ids != null ? ids : embeddings != null ? EmbedCommand.idsNextTo(embeddings) : null;
        WrmfOptions w = new WrmfOptions(factors, lambda, alpha, wrmfIterations, cgSteps, false, 0.01, seed);
        int width = representer.equalsIgnoreCase("random") ? dim : factors;
        RepresenterSpec spec = new RepresenterSpec(representer, width, embeddings, idsFile, allowMissing, freeze, music4all, popBuckets, w);
        RtaOptions o = new RtaOptions(maxSize, heads, ffn, dropout, 1e-5, nNeg, nEasy, nHard,
                lr != null ? lr : RtaOptions.defaultLr(spec.kind()), momentum, true, wd, patience, 1000, 0.5, clip, epochs, batch, initStd, seed);
        if ((sessions == null) == (nowplaying == null))
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "give exactly one of --sessions DIR and --nowplaying DIR");
        RtaTrainer.Outcome r = sessions != null
                ? RtaRun.run(sessions, out, spec, o, resume, 0, msg -> System.err.println("rta: " + msg))
                : RtaRun.run(dev.segue.recsys.rta.RtaCorpus.fromNowplaying(nowplaying, minLength, seed), nowplaying + " (nowplaying)", out, spec, o,
                        resume, 0, msg -> System.err.println("rta: " + msg));
        if (r.test() != null) {
            System.out.printf(Locale.ROOT, "test (best epoch %d by validation ndcg@20 %.4f):%n", r.bestEpoch(), r.bestValidation());
            System.out.print(r.test().lines());
        }
        System.err.println("rta: run folder " + out);
        return 0;
    }
}
