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
    @Option(names = "--pop-buckets", defaultValue = "100", description = "fm/nn: log-scale popularity buckets, as the reference (default ${DEFAULT-VALUE})") int popBuckets;
    @Option(names = "--max-pop", defaultValue = "0", description = "fm/nn: training count that reaches the last popularity bucket; 0 = the largest count (default ${DEFAULT-VALUE})") long maxPop;
    @Option(names = "--factors", defaultValue = "128", description = "WRMF factors (default ${DEFAULT-VALUE})") int factors;
    @Option(names = "--wrmf-lambda", defaultValue = "12", description = "WRMF regularisation (default ${DEFAULT-VALUE})") double lambda;
    @Option(names = "--wrmf-alpha", defaultValue = "0", description = "WRMF: observed cells weigh 1 + alpha (default ${DEFAULT-VALUE}: weight 1, what the reference's implicit ALS with alpha 1 gives on a binary matrix)") double alpha;
    @Option(names = "--wrmf-iterations", defaultValue = "10", description = "WRMF ALS iterations (default ${DEFAULT-VALUE})") int wrmfIterations;
    @Option(names = "--wrmf-cg-steps", defaultValue = "3", description = "conjugate-gradient steps per row solve (default ${DEFAULT-VALUE})") int cgSteps;
    // null = the reference's value for the representer (RtaOptions.defaults)
    @Option(names = "--epochs", description = "(default 18 for mf/random/pretrained, 30 for fm/nn)") Integer epochs;
    @Option(names = "--batch-size", defaultValue = "128", description = "(default ${DEFAULT-VALUE})") int batch;
    @Option(names = "--lr", description = "SGD learning rate (default 1.0; 0.13 for nn)") Double lr;
    @Option(names = "--momentum", defaultValue = "0.9", description = "Nesterov momentum (default ${DEFAULT-VALUE})") double momentum;
    @Option(names = "--weight-decay", description = "(default 1.53e-5 for mf/random/pretrained, 0 for fm/nn)") Double wd;
    @Option(names = "--patience", description = "halve the LR every patience × 1000 batches, first after (patience − 1) × 1000 + 1 as the reference (default 12; 8 for nn)") Integer patience;
    @Option(names = "--clip", defaultValue = "1.0", description = "gradient norm clipping, 0 = off (default ${DEFAULT-VALUE})") double clip;
    @Option(names = "--max-size", defaultValue = "11", description = "window of consecutive songs per session (default ${DEFAULT-VALUE})") int maxSize;
    @Option(names = "--heads", defaultValue = "8", description = "(default ${DEFAULT-VALUE})") int heads;
    @Option(names = "--ffn", defaultValue = "4096", description = "(default ${DEFAULT-VALUE})") int ffn;
    @Option(names = "--dropout", description = "decoder dropout (default 0.13 for mf/random/pretrained, 0 for fm, 0.1 for nn)") Double dropout;
    @Option(names = "--n-neg", description = "negative candidates per session (default 1000; 500 for nn)") Integer nNeg;
    @Option(names = "--n-easy", description = "easy (uniform) negatives kept (default 10; 3 for fm, 53 for nn)") Integer nEasy;
    @Option(names = "--n-hard", description = "hard negatives kept: highest-scoring candidates (default 40; 37 for fm, 18 for nn)") Integer nHard;
    @Option(names = "--nn-heads", defaultValue = "8", description = "nn representer: attention heads over the metadata tokens (default ${DEFAULT-VALUE})") int nnHeads;
    @Option(names = "--nn-ffn", defaultValue = "1024", description = "nn representer: FFN width (default ${DEFAULT-VALUE})") int nnFfn;
    @Option(names = "--nn-dropout", defaultValue = "0", description = "nn representer: dropout (default ${DEFAULT-VALUE})") double nnDropout;
    @Option(names = "--init-std", defaultValue = "0.05", description = "std of random item rows (default ${DEFAULT-VALUE})") double initStd;
    @Option(names = "--seed", defaultValue = "1", description = "(default ${DEFAULT-VALUE})") long seed;
    @Option(names = "--threads", description = "worker threads (default: all cores); results are identical for equal seed and thread count") Integer threads;

    /** Standalone entry until the command is registered under {@code segue train}: java -cp segue.jar dev.segue.cli.TrainRta … */
    public static void main(String[] args) { System.exit(new picocli.CommandLine(new TrainRta()).execute(args)); }

    private static <T> T or(T given, T reference) { return given != null ? given : reference; }

    @Override public Integer call() {
        if (threads != null) Parallel.setThreads(threads);
        Path idsFile = ids != null ? ids : embeddings != null ? EmbedCommand.idsNextTo(embeddings) : null;
        WrmfOptions w = new WrmfOptions(factors, lambda, alpha, wrmfIterations, cgSteps, false, 0.01, seed);
        int width = representer.equalsIgnoreCase("random") ? dim : factors;
        RepresenterSpec spec = new RepresenterSpec(representer, width, embeddings, idsFile, allowMissing, freeze, music4all, popBuckets, maxPop, w);
        RtaOptions d = RtaOptions.defaults(spec.kind());
        RtaOptions o = new RtaOptions(maxSize, heads, ffn, or(dropout, d.dropout()), 1e-5, or(nNeg, d.nNeg()), or(nEasy, d.nEasy()), or(nHard, d.nHard()),
                or(lr, d.lr()), momentum, true, or(wd, d.weightDecay()), or(patience, d.patience()), 1000, 0.5, clip, or(epochs, d.epochs()), batch,
                initStd, seed, nnHeads, nnFfn, nnDropout);
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
