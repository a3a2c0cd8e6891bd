package dev.segue.recsys.data.synth;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Thread-safe progress of a long job: a line with count, rate and ETA at every tenth of the work
 * (after the first two seconds; a short job prints only its final line). */
final class Progress {
    private final String what, unit;
    private final long total, every;
    private final Consumer<String> log;
    private final AtomicLong done = new AtomicLong();
    private final long t0 = System.nanoTime();

    Progress(String what, long total, String unit, Consumer<String> log) {
        this.what = what;
        this.total = total;
        this.unit = unit;
        this.log = log;
        every = Math.max(1, total / 10);
    }

    void step() {
        long d = done.incrementAndGet();
        if (d % every != 0 && d != total) return;
        double s = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
        if (s < 2 && d != total) return; // short jobs: only the final line
        log.accept(String.format(Locale.ROOT, "%s: %,d/%,d %s, %,.0f %s/s, ETA %.0f s", what, d, total, unit, d / s, unit, (total - d) / (d / s)));
    }
}
