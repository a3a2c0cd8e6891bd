package dev.segue.recsys.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress report for long loops: done/total, rate, ETA and free-form fields (loss, lr),
 * redrawn on a terminal at most a few times per second, or printed as plain lines every 10% when the
 * output is not a terminal (CI logs stay short).
 */
public final class Progress {
    private final String label;
    private final long total;
    private final String unit;
    private final PrintStream out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastDecile = -1;

    public Progress(String label, long total, String unit) {
        this(label, total, unit, System.err, System.console() != null);
    }

    public Progress(String label, long total, String unit, PrintStream out, boolean terminal) {
        this.label = label;
        this.total = Math.max(1, total);
        this.unit = unit;
        this.out = out;
        this.terminal = terminal;
    }

    /** Reports {@code done} units finished; {@code fields} is appended (e.g. "loss 3.21  lr 5.0e-05"). */
    public void update(long done, String fields) {
        long now = System.nanoTime();
        int decile = (int) (10 * done / total);
        boolean last = done >= total;
        if (terminal ? (now - lastDraw < 200_000_000L && !last) : (decile == lastDecile && !last)) return;
        lastDraw = now;
        lastDecile = decile;
        double secs = (now - start) / 1e9;
        double rate = done / Math.max(secs, 1e-9);
        double eta = rate > 0 ? (total - done) / rate : Double.NaN;
        String line = String.format(Locale.ROOT, "%s %3d%% %d/%d %s | %.1f %s/s | %s elapsed, ETA %s%s",
                label, (int) (100 * done / total), done, total, unit, rate, unit, clock(secs), clock(eta),
                fields == null || fields.isEmpty() ? "" : " | " + fields);
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
