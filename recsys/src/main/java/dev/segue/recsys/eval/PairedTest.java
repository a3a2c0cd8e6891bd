package dev.segue.recsys.eval;

/**
 * Paired two-sided t-test between two runs scored on the same queries (value i of a and b belong to the
 * same query). Queries undefined in either run are dropped. With thousands of queries the t statistic is
 * all but normal, so the test is robust to the skewed per-query metric distributions.
 */
public record PairedTest(int n, double meanDifference, double t, double pValue) {

    public static PairedTest of(double[] a, double[] b) {
        if (a.length != b.length)
            throw new IllegalArgumentException("paired runs need the same queries: " + a.length + " vs " + b.length);
        int n = 0;
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i]) || Double.isNaN(b[i])) continue;
            n++;
            sum += a[i] - b[i];
        }
        if (n < 2) return new PairedTest(n, n == 1 ? sum : Double.NaN, Double.NaN, Double.NaN);
        double mean = sum / n, ss = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i]) || Double.isNaN(b[i])) continue;
            double d = a[i] - b[i] - mean;
            ss += d * d;
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        if (se == 0) return new PairedTest(n, mean, mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean), mean == 0 ? 1 : 0);
        double t = mean / se;
        return new PairedTest(n, mean, t, StudentT.twoSidedP(t, n - 1));
    }
}
