package dev.segue.cli;

/** Wall-clock timing for the quick {@code segue bench} commands: warm up, then the best of several runs. */
final class BenchTimer {
    private BenchTimer() {}

    /** Best time in ms of {@code body} after a warm-up of a third of the budget (at least 3 runs each). */
    static double bestMillis(Runnable body, double seconds) {
        long budget = (long) (seconds * 1e9), warm = budget / 3;
        long start = System.nanoTime();
        int reps = 0;
        while (reps < 3 || System.nanoTime() - start < warm) { body.run(); reps++; }
        long best = Long.MAX_VALUE;
        start = System.nanoTime();
        reps = 0;
        while (reps < 3 || System.nanoTime() - start < budget - warm) {
            long t0 = System.nanoTime();
            body.run();
            best = Math.min(best, System.nanoTime() - t0);
            reps++;
        }
        return best / 1e6;
    }

    /** GB/s of a plain System.arraycopy moving the same number of floats (read + write). */
    static double arraycopyGBps(int floats, double seconds) {
        float[] a = new float[floats], b = new float[floats];
        for (int i = 0; i < floats; i++) a[i] = i;
        double ms = bestMillis(() -> System.arraycopy(a, 0, b, 0, floats), seconds);
        return 2.0 * 4 * floats / ms / 1e6;
    }

    static int[] parseShape(String s) {
        String[] p = s.toLowerCase(java.util.Locale.ROOT).split("x");
        int[] r = new int[p.length];
        for (int i = 0; i < p.length; i++) r[i] = Integer.parseInt(p[i].trim());
        return r;
    }
}
