package dev.segue.recsys.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A one-line progress report for long loops: done/total, rate, ETA and free-form fields (loss, lr),
 * redrawn on a terminal at most a few times per second, or printed as plain lines at every new tenth
 * of the work when the output is not a terminal (CI logs stay short). Thread-safe: workers may call
 * {@link #step()} concurrently. Given a log consumer instead of a stream, it stays silent for its first
 * two seconds, so a short job logs only its final line.
 */
public final class Progress {
    private static final long QUIET_LOG_NANOS = 2_000_000_000L;
    private final String label;
    private final long total;
    private final String unit;
    private final Consumer<String> sink;
    private final PrintStream out;                // null when lines go to sink
    private final boolean terminal;
    private final long quietNanos;
    private final long start = System.nanoTime();
    private final AtomicLong steps = new AtomicLong();
    private long lastDraw;
    private int lastDecile = -1;
    private boolean finished;

    public Progress(String label, long total, String unit) {
        this(label, total, unit, System.err, System.console() != null);
    }

    public Progress(String label, long total, String unit, PrintStream out, boolean terminal) {
        this(label, total, unit, out, null, terminal, 0);
    }

    /** Plain lines to {@code log}, the first after two seconds (or the final one, whichever comes first). */
    public Progress(String label, long total, String unit, Consumer<String> log) {
        this(label, total, unit, null, log, false, QUIET_LOG_NANOS);
    }

    private Progress(String label, long total, String unit, PrintStream out, Consumer<String> sink, boolean terminal, long quietNanos) {
        this.label = label;
        this.total = Math.max(1, total);
        this.unit = unit;
        this.out = out;
        this.sink = sink;
        this.terminal = terminal;
        this.quietNanos = quietNanos;
    }

    /** One more unit done (for loops that count, possibly from several threads). */
    public void step() { update(steps.incrementAndGet(), null); }

    /** Reports {@code done} units finished; {@code fields} is appended (e.g. "loss 3.21  lr 5.0e-05"). */
    public synchronized void update(long done, String fields) {
        long now = System.nanoTime();
        int decile = (int) (10 * done / total);
        boolean last = done >= total;
        if (last ? finished : terminal ? now - lastDraw < 200_000_000L : decile <= lastDecile || now - start < quietNanos) return;
        finished |= last;
        lastDraw = now;
        lastDecile = decile;
        double secs = (now - start) / 1e9;
        double rate = done / Math.max(secs, 1e-9);
        double eta = rate > 0 ? (total - done) / rate : Double.NaN;
        String line = String.format(Locale.ROOT, "%s %3d%% %d/%d %s | %.1f %s/s | %s elapsed, ETA %s%s",
                label, (int) (100 * done / total), done, total, unit, rate, unit, clock(secs), clock(eta),
                fields == null || fields.isEmpty() ? "" : " | " + fields);
        if (sink != null) { sink.accept(line); return; }
        if (terminal) out.print("\r" + line + (last ? "\n" : ""));
        else out.println(line);
        out.flush();
    }

    static String clock(double secs) {
        if (!Double.isFinite(secs)) return "?";
        long s = Math.round(secs);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
