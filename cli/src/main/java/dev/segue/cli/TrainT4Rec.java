package dev.segue.cli;

import dev.segue.core.cpu.Parallel;
import dev.segue.recsys.data.SessionPipeline;
import dev.segue.recsys.embed.ItemEmbeddings;
import dev.segue.recsys.t4rec.T4RecConfig;
import dev.segue.recsys.t4rec.T4RecRun;
import dev.segue.recsys.train.TrainingLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code segue train t4rec}: the Transformers4Rec-style model with the study's defaults (Table 5.1). */
@Command(name = "t4rec", mixinStandardHelpOptions = true,
        description = "Train the Transformers4Rec-style XLNet model with masked-item training; evaluate NDCG/MAP/Recall@10,20.")
public final class TrainT4Rec implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", description = "output folder of `segue sessions`") Path data;
    @Option(names = "--music4all", description = "Music4All-layout folder, sessionized on the fly into RUN/sessions") Path music4all;
    @Option(names = "--out", required = true, description = "run folder") Path out;
    @Option(names = "--epochs", description = "default 50 (18 with --rta-hyperparams)") Integer epochs;
    @Option(names = "--batch", description = "default 128") Integer batch;
    @Option(names = "--d-model", description = "default 512") Integer dModel;
    @Option(names = "--heads", description = "default 2") Integer heads;
    @Option(names = "--layers", description = "default 2") Integer layers;
    @Option(names = "--lr", description = "default 5e-5 (1.0 with --rta-hyperparams)") Double lr;
    @Option(names = "--dropout", description = "default 0.3") Double dropout;
    @Option(names = "--mask-prob", description = "default 0.15") Double maskProb;
    @Option(names = "--max-len", description = "most recent items kept per session, default 20") Integer maxLen;
    @Option(names = "--init", defaultValue = "random", description = "random or pretrained (default ${DEFAULT-VALUE})") String init;
    @Option(names = "--embeddings", description = "item table (.npy with --ids, .safetensors with --ids, or .csv): pretrained init or late-fusion audio") Path embeddings;
    @Option(names = "--ids", description = "track ids of the table's rows, one per line") Path ids;
    @Option(names = "--allow-missing", description = "items without a vector get random rows instead of an error") boolean allowMissing;
    @Option(names = "--frozen", description = "do not train the item table") boolean frozen;
    @Option(names = "--late-fusion", description = "random item table; the session's mean audio vector joins after the transformer") boolean lateFusion;
    @Option(names = "--key-padding-mask", description = "mask padding keys in attention (Transformers4Rec does not)") boolean keyPadding;
    @Option(names = "--rta-hyperparams", description = "Table 5.5: RTA's optimisation, its reference MF-Transformer values (SGD Nesterov 0.9, lr 1.0, wd 1.53e-5 on all parameters, StepLR(12) every 1000 steps, 18 epochs)") boolean rtaHyper;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--threads", description = "compute threads (default: all cores)") Integer threads;
    @Option(names = "--resume", description = "continue the interrupted run in --out (its config.json wins)") boolean resume;
    @Option(names = "--stop-after", hidden = true, description = "stop after this epoch as if killed (testing resume)") Integer stopAfter;

    @Override
    public Integer call() {
        if (threads != null) Parallel.setThreads(threads);
        if ((data == null) == (music4all == null)) throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --data DIR or --music4all DIR");
        Path sessions = data;
        if (music4all != null) {
            sessions = out.resolve("sessions");
            if (!Files.isRegularFile(sessions.resolve("items.tsv")))
                SessionPipeline.run(music4all, null, sessions, SessionPipeline.Options.defaults(), m -> System.err.println("sessions: " + m));
        }
        if (!init.equals("random") && !init.equals("pretrained")) throw new CommandLine.ParameterException(spec.commandLine(), "--init must be random or pretrained");
        if (init.equals("pretrained") && lateFusion) throw new CommandLine.ParameterException(spec.commandLine(), "--late-fusion uses random item embeddings; drop --init pretrained");
        boolean needTable = init.equals("pretrained") || lateFusion;
        if (needTable && embeddings == null) throw new CommandLine.ParameterException(spec.commandLine(), "--embeddings is required with --init pretrained or --late-fusion");
        ItemEmbeddings table = needTable ? readTable() : null;

        T4RecConfig c = T4RecConfig.study();
        if (rtaHyper) c = c.withRtaHyperparams();
        c = c.withModel(dModel != null ? dModel : c.dModel(), heads != null ? heads : c.nHead(), layers != null ? layers : c.nLayer());
        int e = init.equals("pretrained") ? table.dim() : c.dModel();
        c = c.withEmbedding(e, frozen, lateFusion, lateFusion ? table.dim() : 0).withKeyPadding(keyPadding);
        c = c.withTraining(epochs != null ? epochs : c.epochs(), batch != null ? batch : c.batch(), lr != null ? lr : c.lr(),
                maskProb != null ? maskProb : c.maskProb(), maxLen != null ? maxLen : c.maxLen(), dropout != null ? dropout : c.dropout(), seed);
        long t0 = System.nanoTime();
        TrainingLoop.Result r = new T4RecRun(sessions, out, c, init, table, allowMissing, resume,
                stopAfter != null ? stopAfter : Integer.MAX_VALUE, false).run();
        if (!r.finished()) {
            System.err.println("t4rec: stopped after epoch " + stopAfter + "; continue with --resume");
            return 0;
        }
        System.out.printf(Locale.ROOT, "best epoch %d (valid ndcg@20 %.4f); test:", r.bestEpoch(), r.bestValue());
        r.test().forEach((k, v) -> System.out.printf(Locale.ROOT, " %s %.4f", k, v));
        System.out.printf(Locale.ROOT, "%nrun folder %s (%.1f min)%n", out, (System.nanoTime() - t0) / 6e10);
        return 0;
    }

    private ItemEmbeddings readTable() {
        String name = embeddings.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) return ItemEmbeddings.readCsv(embeddings);
        if (ids == null) throw new CommandLine.ParameterException(spec.commandLine(), "--ids is required with a " + name + " table");
        if (name.endsWith(".safetensors")) return ItemEmbeddings.readSafetensors(embeddings, null, ids);
        return ItemEmbeddings.readNpy(embeddings, ids);
    }
}
