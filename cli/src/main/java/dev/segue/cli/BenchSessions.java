package dev.segue.cli;

import dev.segue.recsys.data.BadRows;
import dev.segue.recsys.data.Music4All;
import dev.segue.recsys.data.Music4AllReader;
import dev.segue.recsys.data.SessionStats;
import dev.segue.recsys.data.Sessionizer;
import dev.segue.recsys.data.synth.SynthConfig;
import dev.segue.recsys.data.synth.SyntheticCorpus;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code segue bench sessions}: reading and sessionizing a Music4All-scale history (the {@code full}
 * synthetic preset, generated once into {@code --corpus} unless it is there). Prints a Markdown table
 * with the median of several runs and the peak heap, for {@code bench/RESULTS.md}.
 */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "Benchmark reading + sessionizing a Music4All-scale listening history (full synthetic preset).")
public final class BenchSessions implements Callable<Integer> {

    @Option(names = "--corpus", defaultValue = "target/bench-corpus-full", description = "Music4All-layout directory; generated (full preset, no audio) when absent (default ${DEFAULT-VALUE})")
    Path corpus;

    @Option(names = "--runs", defaultValue = "5", description = "timed runs after one warm-up (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", defaultValue = "1") long seed;

    @Override
    public Integer call() {
        if (!Files.exists(corpus.resolve(Music4AllReader.HISTORY))) {
            System.err.println("bench: generating the full preset into " + corpus + " (once)");
            SyntheticCorpus.generate(SynthConfig.preset("full", seed), corpus, m -> System.err.println("bench: " + m));
        }
        double[] read = new double[runs], sess = new double[runs], dedup = new double[runs];
        SessionStats st = null;
        long events = 0;
        for (int i = -1; i < runs; i++) {
            System.gc();
            long t0 = System.nanoTime();
            Music4All m = Music4AllReader.read(corpus, BadRows.fail());
            long t1 = System.nanoTime();
            Sessionizer.Result r = Sessionizer.sessionize(m.history(), 3600, false);
            long t2 = System.nanoTime();
            Sessionizer.sessionize(m.history(), 3600, true);
            long t3 = System.nanoTime();
            events = m.history().size();
            st = r.stats();
            if (i >= 0) { read[i] = (t1 - t0) / 1e9; sess[i] = (t2 - t1) / 1e9; dedup[i] = (t3 - t2) / 1e9; }
            System.err.printf(Locale.ROOT, "bench: run %d: read %.2f s, sessionize %.2f s, with dedup %.2f s%n", i + 1, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.ROOT, "| events | sessions kept | read (median s) | sessionize (median s) | sessionize + dedup (median s) | events/s sessionize | peak heap (MiB) | -Xmx (MiB) | threads |%n");
        System.out.printf(Locale.ROOT, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n");
        System.out.printf(Locale.ROOT, "| %,d | %,d | %.2f | %.2f | %.2f | %,.0f | %,d | %,d | %d |%n", events, st.sessionsKept(),
                median(read), median(sess), median(dedup), events / median(sess), peak >> 20, maxHeap >> 20, Runtime.getRuntime().availableProcessors());
        System.out.print(st.toMarkdown());
        return 0;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
    }
}
