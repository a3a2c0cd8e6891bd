package dev.segue.recsys.eval;

/**
 * Mean of one metric over queries with a 95% confidence interval (Student t on the sample standard
 * deviation). Queries whose value is NaN (undefined, e.g. empty truth) are left out and counted.
 */
public record MetricSummary(int n, int undefined, double mean, double std, double ci95) {

    public static MetricSummary of(double[] values) {
        int n = 0, undefined = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isNaN(v)) { undefined++; continue; }
            n++;
            sum += v;
        }
        if (n == 0) return new MetricSummary(0, undefined, Double.NaN, Double.NaN, Double.NaN);
        double mean = sum / n, ss = 0;
        for (double v : values) if (!Double.isNaN(v)) ss += (v - mean) * (v - mean);
        if (n == 1) return new MetricSummary(1, undefined, mean, 0, Double.NaN);
        double std = Math.sqrt(ss / (n - 1));
        double half = StudentT.quantile(0.975, n - 1) * std / Math.sqrt(n);
        return new MetricSummary(n, undefined, mean, std, half);
    }

    public double lower() { return mean - ci95; }

    public double upper() { return mean + ci95; }

    public java.util.Map<String, Object> toJson() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("mean", mean);
        m.put("ci95", ci95);
        m.put("std", std);
        m.put("n", n);
        if (undefined > 0) m.put("undefined", undefined);
        return m;
    }
}
