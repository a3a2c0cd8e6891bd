package dev.segue.cli;

import dev.segue.recsys.data.SessionCsr;
import dev.segue.recsys.embed.AudioEmbeddingExtractor;
import dev.segue.recsys.embed.ContrastiveTuner;
import dev.segue.recsys.embed.ItemEmbeddings;
import dev.segue.recsys.embed.TuneOptions;
import dev.segue.recsys.rta.RtaCorpus;
import dev.segue.recsys.train.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code segue embed}: item embeddings from audio, and their contrastive tuning on sessions. */
@Command(name = "embed", mixinStandardHelpOptions = true, description = "Compute and tune item embeddings.",
        subcommands = {EmbedCommand.Extract.class, EmbedCommand.Tune.class})
public final class EmbedCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    /** The ids file written next to an embeddings file E.npy: E.ids.txt. */
    static Path idsNextTo(Path npy) {
        String name = npy.getFileName().toString();
        String base = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return npy.resolveSibling(base + ".ids.txt");
    }

    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = "Audio embeddings per track: mfcc-stats = mean and std over time of 20 MFCCs, 12 chroma and 6 spectral-shape "
                    + "descriptors (76 dims), standardised per dimension. Writes E.npy [tracks, 76] and E.ids.txt.")
    static final class Extract implements Callable<Integer> {
        @Option(names = "--model", defaultValue = "mfcc-stats", description = "embedding model (mfcc-stats)") String model;
        @Option(names = "--music4all", required = true, description = "Music4All-layout directory with audios/<id>.mp3|wav|ogg") Path music4all;
        @Option(names = "--out", required = true, description = "output .npy; the ids go to <out>.ids.txt") Path out;
        @Option(names = "--ids", description = "text file of track ids to embed, one per line (default: every clip under audios/)") Path ids;

        @Override public Integer call() throws Exception {
            if (!model.equals("mfcc-stats")) throw new CommandLine.ParameterException(new CommandLine(this), "unknown --model '" + model + "' (mfcc-stats)");
            List<String> list = ids != null ? Files.readAllLines(ids).stream().map(String::trim).filter(s -> !s.isEmpty()).toList()
                    : AudioEmbeddingExtractor.listIds(music4all);
            long t0 = System.nanoTime();
            ItemEmbeddings e = AudioEmbeddingExtractor.extract(music4all, list, new Progress("embed", list.size(), "tracks"));
            if (out.getParent() != null) Files.createDirectories(out.getParent());
            e.write(out, idsNextTo(out));
            System.err.printf(Locale.ROOT, "embed: %,d tracks × %d dims → %s, %s in %.1f s%n", e.size(), e.dim(), out, idsNextTo(out), (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }

    @Command(name = "tune", mixinStandardHelpOptions = true,
            description = "Contrastive domain adaptation (\"MusiCNN-tuned\"): a shallow MLP on the frozen embeddings trained with InfoNCE, "
                    + "songs of one session as positives and the rest of the batch as negatives; writes the tuned table.")
    static final class Tune implements Callable<Integer> {
        @Option(names = "--embeddings", required = true, description = "input .npy [tracks, d]") Path embeddings;
        @Option(names = "--ids", description = "ids of the rows (default <embeddings>.ids.txt)") Path ids;
        @Option(names = "--sessions", required = true, description = "output folder of `segue sessions` (items.tsv and rta/train are used)") Path sessions;
        @Option(names = "--out", required = true, description = "output .npy; ids go to <out>.ids.txt") Path out;
        @Option(names = "--hidden", defaultValue = "256", description = "MLP hidden width (default ${DEFAULT-VALUE})") int hidden;
        @Option(names = "--out-dim", defaultValue = "0", description = "output width; 0 = input width (default ${DEFAULT-VALUE})") int outDim;
        @Option(names = "--temperature", defaultValue = "0.1", description = "InfoNCE temperature (default ${DEFAULT-VALUE})") double temperature;
        @Option(names = "--batch-size", defaultValue = "256", description = "song pairs per batch (default ${DEFAULT-VALUE})") int batch;
        @Option(names = "--epochs", defaultValue = "10", description = "passes over the sessions (default ${DEFAULT-VALUE})") int epochs;
        @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate (default ${DEFAULT-VALUE})") double lr;
        @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})") long seed;

        @Override public Integer call() throws Exception {
            ItemEmbeddings e = ItemEmbeddings.readNpy(embeddings, ids != null ? ids : idsNextTo(embeddings));
            RtaCorpus c = RtaCorpus.read(sessions);
            long[] dropped = new long[1];
            SessionCsr rows = ContrastiveTuner.toRows(c.train(), c.trackIds(), e, dropped);
            if (dropped[0] > 0) System.err.printf(Locale.ROOT, "tune: %,d session plays have no embedding and are skipped%n", dropped[0]);
            TuneOptions o = new TuneOptions(hidden, outDim, temperature, batch, epochs, lr, seed);
            int steps = Math.max(1, rows.count() / Math.max(2, batch)) * epochs;
            ContrastiveTuner.Result r = ContrastiveTuner.tune(e, rows, o, new Progress("tune", steps, "steps"), null);
            if (out.getParent() != null) Files.createDirectories(out.getParent());
            r.tuned().write(out, idsNextTo(out));
            System.err.printf(Locale.ROOT, "tune: %d steps, InfoNCE %.4f → %.4f; wrote %s [%d × %d]%n", r.steps(), r.firstLoss(), r.lastLoss(), out,
                    r.tuned().size(), r.tuned().dim());
            return 0;
        }
    }
}
