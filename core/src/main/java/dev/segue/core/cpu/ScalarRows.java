package dev.segue.core.cpu;

/** The scalar reference of {@link RowKernels}: float math, sums in double. */
final class ScalarRows {
    private ScalarRows() {}

    static void softmax(float[] x, int xo, float[] y, int yo, int n, boolean log) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) { float v = x[xo + j]; if (v > max || v != v) max = v; }
        double sum = 0;
        for (int j = 0; j < n; j++) sum += Math.exp(x[xo + j] - max);
        if (log) {
            float shift = (float) (max + Math.log(sum));
            for (int j = 0; j < n; j++) y[yo + j] = x[xo + j] - shift;
        } else {
            float inv = (float) (1 / sum);
            for (int j = 0; j < n; j++) y[yo + j] = (float) Math.exp(x[xo + j] - max) * inv;
        }
    }

    static void layerNorm(float[] x, int xo, float[] w, int wo, float[] b, int bo, float[] y, int yo, int n, float eps, float[] stats) {
        double s = 0;
        for (int j = 0; j < n; j++) s += x[xo + j];
        float mean = (float) (s / n);
        double v = 0;
        for (int j = 0; j < n; j++) { float d = x[xo + j] - mean; v += d * d; }
        float rstd = (float) (1 / Math.sqrt(v / n + eps));
        for (int j = 0; j < n; j++) {
            float t = (x[xo + j] - mean) * rstd;
            if (w != null) t *= w[wo + j];
            if (b != null) t += b[bo + j];
            y[yo + j] = t;
        }
        stats[0] = mean;
        stats[1] = rstd;
    }

    static void logSumExpAndSum(float[] x, int xo, int n, double[] stats) {
        float max = Float.NEGATIVE_INFINITY;
        double sumX = 0;
        for (int j = 0; j < n; j++) { float v = x[xo + j]; if (v > max || v != v) max = v; sumX += v; }
        double s = 0;
        for (int j = 0; j < n; j++) s += Math.exp(x[xo + j] - max);
        stats[0] = max + Math.log(s);
        stats[1] = sumX;
    }

    static void softmaxGradient(float[] x, int xo, int n, float lse, float g, float off, float[] out, int oo) {
        for (int j = 0; j < n; j++) out[oo + j] = g * ((float) Math.exp(x[xo + j] - lse) - off);
    }

    static double dot(float[] a, int ao, float[] b, int bo, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) s += a[ao + j] * b[bo + j];
        return s;
    }

    /** Σ x in double: four accumulators, so the loop pipelines. */
    static double sum(float[] a, int from, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) { s0 += a[from + j]; s1 += a[from + j + 1]; s2 += a[from + j + 2]; s3 += a[from + j + 3]; }
        for (; j < n; j++) s0 += a[from + j];
        return (s0 + s1) + (s2 + s3);
    }
}
