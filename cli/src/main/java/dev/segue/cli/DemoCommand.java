package dev.segue.cli;

import dev.segue.core.io.AtomicFiles;
import dev.segue.core.io.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code segue demo}: the study end to end on the synthetic corpus. Generates a Music4All-layout corpus
 * with audio, sessionizes it (plain for T4Rec, de-duplicated for RTA), extracts simple audio embeddings
 * (MFCC / chroma / spectral-shape statistics), trains T4Rec with random and audio initialisation (and
 * late fusion) and RTA with random, MF, FM and audio representers, and lays the test metrics out as
 * the study's Tables 5.2 and 5.3 (Markdown and CSV), next to each run's learning curves.
 *
 * <p>Each step is the same {@code segue} subcommand a user would run, with its arguments printed, so the
 * demo doubles as a worked example. Steps whose outputs exist are skipped, so an interrupted demo
 * resumes where it stopped.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Synthetic corpus → sessions → audio embeddings → T4Rec and RTA with random/audio/MF/FM inits → the study's tables.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "demo-out", description = "working folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--preset", defaultValue = "demo", description = "synthetic corpus preset: tiny or demo (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the corpus and of every run (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--epochs", defaultValue = "8", description = "epochs per model (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--dim", defaultValue = "64", description = "model width of T4Rec and of the random/MF/FM RTA item tables (default ${DEFAULT-VALUE})")
    int dim;

    @Option(names = "--threads", description = "compute threads (default: all cores)")
    Integer threads;

    /** One training run: its table row label and the arguments after {@code segue train}. */
    record Run(String table, String label, String folder, List<String> args) {}

    @Override public Integer call() throws Exception {
        long start = System.nanoTime();
        Path corpus = out.resolve("corpus"), sessions = out.resolve("sessions"), sessionsRta = out.resolve("sessions-rta");
        Path emb = out.resolve("embeddings/mfcc-stats.npy"), runs = out.resolve("runs"), results = out.resolve("results");
        step("corpus", corpus.resolve("synth.json"), "synth", "--out", corpus, "--preset", preset, "--seed", seed);
        step("sessions (T4Rec)", sessions.resolve("stats.md"), "sessions", "--music4all", corpus, "--out", sessions);
        step("sessions (RTA, de-duplicated)", sessionsRta.resolve("stats.md"), "sessions", "--music4all", corpus, "--out", sessionsRta,
                "--dedup", "--seed", seed);
        step("audio embeddings", emb, "embed", "extract", "--model", "mfcc-stats", "--music4all", corpus, "--out", emb);
        Path ids = emb.resolveSibling("mfcc-stats.ids.txt");   // embed extract writes E.npy and E.ids.txt

        List<String> common = new ArrayList<>(List.of("--epochs", Integer.toString(epochs), "--seed", Long.toString(seed)));
        if (threads != null) common.addAll(List.of("--threads", threads.toString()));
        List<Run> all = new ArrayList<>();
        // T4Rec: the study's architecture at demo width; a learning rate that moves in a few epochs
        List<String> t4 = new ArrayList<>(List.of("t4rec", "--data", sessions.toString(), "--d-model", Integer.toString(dim),
                "--heads", "2", "--layers", "2", "--lr", "1e-3"));
        t4.addAll(common);
        all.add(new Run("5.2", "Random", "t4rec-random", t4));
        all.add(new Run("5.2", "MFCC-stats (init)", "t4rec-audio", with(t4, "--init", "pretrained", "--embeddings", emb.toString(), "--ids", ids.toString())));
        all.add(new Run("5.2", "MFCC-stats (late fusion)", "t4rec-late-fusion", with(t4, "--late-fusion", "--embeddings", emb.toString(), "--ids", ids.toString())));
        // RTA: one decoder layer; heads that divide every table width used here
        List<String> rta = new ArrayList<>(List.of("rta", "--sessions", sessionsRta.toString(), "--dim", Integer.toString(dim),
                "--factors", Integer.toString(dim), "--heads", "2", "--ffn", Integer.toString(4 * dim), "--music4all", corpus.toString(),
                // the synthetic catalogue is too small for the reference's 1000 negative candidates
                "--n-neg", "50", "--n-easy", "10", "--n-hard", "10"));
        rta.addAll(common);
        all.add(new Run("5.3", "Random", "rta-random", with(rta, "--representer", "random")));
        all.add(new Run("5.3", "MF", "rta-mf", with(rta, "--representer", "mf")));
        all.add(new Run("5.3", "FM", "rta-fm", with(rta, "--representer", "fm")));
        all.add(new Run("5.3", "MFCC-stats", "rta-audio", with(rta, "--representer", "pretrained", "--embeddings", emb.toString(), "--ids", ids.toString())));

        for (Run r : all) {
            Path dir = runs.resolve(r.folder);
            List<String> a = new ArrayList<>(List.of("train"));
            a.addAll(r.args);
            a.addAll(List.of("--out", dir.toString()));
            if (Files.exists(dir.resolve("config.json")) && !Files.exists(dir.resolve("test_metrics.json"))) a.add("--resume");
            step("train " + r.folder, dir.resolve("test_metrics.json"), a.toArray());
        }
        Files.createDirectories(results);
        for (String table : List.of("5.2", "5.3")) {
            List<Run> rows = all.stream().filter(r -> r.table.equals(table)).toList();
            String title = table.equals("5.2") ? "Table 5.2 — T4Rec (next item, test users)" : "Table 5.3 — RTA (playlist continuation, test sessions)";
            String md = markdown(title, rows, runs), csv = csv(rows, runs);
            AtomicFiles.writeString(results.resolve("table_" + table.replace('.', '_') + ".md"), md);
            AtomicFiles.writeString(results.resolve("table_" + table.replace('.', '_') + ".csv"), csv);
            System.out.println();
            System.out.print(md);
        }
        System.out.printf(Locale.ROOT, "%nTables in %s (Markdown and CSV); runs, metrics.csv and learning curves (PNG) in %s. Total %.1f min.%n",
                results, runs, (System.nanoTime() - start) / 6e10);
        return 0;
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> l = new ArrayList<>(base);
        l.addAll(List.of(more));
        return l;
    }

    /** Runs {@code segue <args>} unless {@code done} exists; a failing step stops the demo with its exit code. */
    private void step(String what, Path done, Object... args) {
        if (Files.exists(done)) {
            System.err.println("demo: " + what + ": done already (" + done + ")");
            return;
        }
        String[] a = new String[args.length];
        for (int i = 0; i < args.length; i++) a[i] = String.valueOf(args[i]);
        System.err.println("demo: " + what + ": segue " + String.join(" ", a));
        long t0 = System.nanoTime();
        int rc = new CommandLine(new Segue()).execute(a);
        if (rc != 0) throw new CommandLine.ExecutionException(new CommandLine(this), "demo: step '" + what + "' failed with exit code " + rc);
        System.err.printf(Locale.ROOT, "demo: %s: %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    static final String[] METRICS = {"ndcg@10", "ndcg@20", "map@10", "map@20", "recall@10", "recall@20"};

    /** The six metrics of a run from its test_metrics.json (nested maps flattened to dotted keys). */
    static double[] metrics(Path run) {
        Map<String, Double> flat = new LinkedHashMap<>();
        try {
            flatten("", Json.parseObject(Files.readString(run.resolve("test_metrics.json"))), flat);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        double[] v = new double[METRICS.length];
        for (int i = 0; i < METRICS.length; i++) {
            v[i] = Double.NaN;
            String m = METRICS[i];
            // the evaluators write {"metrics": {"ndcg@20": {"mean": …, "ci95": …}}, "groups": …}; accept flat forms too
            for (String key : new String[]{"metrics." + m + ".mean", "test.metrics." + m + ".mean", m + ".mean", "test." + m + ".mean", m, "test." + m}) {
                Double x = flat.get(key);
                if (x != null) { v[i] = x; break; }
            }
        }
        return v;
    }

    private static void flatten(String prefix, Map<String, Object> m, Map<String, Double> out) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String k = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof Number) out.put(k, ((Number) e.getValue()).doubleValue());
            else if (e.getValue() instanceof Map) {
                @SuppressWarnings("unchecked") Map<String, Object> sub = (Map<String, Object>) e.getValue();
                flatten(k, sub, out);
            }
        }
    }

    static String markdown(String title, List<Run> rows, Path runs) {
        StringBuilder b = new StringBuilder("### ").append(title).append("\n\n| Initialisation |");
        for (String m : METRICS) b.append(' ').append(m.toUpperCase(Locale.ROOT).replace("@", "@")).append(" |");
        b.append("\n|---|");
        for (int i = 0; i < METRICS.length; i++) b.append("---:|");
        b.append('\n');
        for (Run r : rows) {
            double[] v = metrics(runs.resolve(r.folder));
            b.append("| ").append(r.label).append(" |");
            for (double x : v) b.append(String.format(Locale.ROOT, " %.4f |", x));
            b.append('\n');
        }
        return b.toString();
    }

    static String csv(List<Run> rows, Path runs) {
        StringBuilder b = new StringBuilder("initialisation,run");
        for (String m : METRICS) b.append(',').append(m);
        b.append('\n');
        for (Run r : rows) {
            b.append('"').append(r.label).append("\",").append(r.folder);
            for (double x : metrics(runs.resolve(r.folder))) b.append(String.format(Locale.ROOT, ",%.6f", x));
            b.append('\n');
        }
        return b.toString();
    }
}
