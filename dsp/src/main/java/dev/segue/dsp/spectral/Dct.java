package dev.segue.dsp.spectral;

/** Orthonormal DCT-II (scipy.fft.dct(type=2, norm='ortho')) along the rows of a [n, frames] matrix, first k outputs. */
public final class Dct {
    private Dct() {}

    private static final java.util.Map<Long, double[]> BASES = new java.util.concurrent.ConcurrentHashMap<>();

    /** basis[j*n + i] = s_j cos(pi j (2i+1) / 2n), s_0 = sqrt(1/n), s_j = sqrt(2/n). */
    static double[] basis(int k, int n) {
        return BASES.computeIfAbsent(((long) k << 32) | n, key -> {
            double[] b = new double[k * n];
            for (int j = 0; j < k; j++) {
                double s = j == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
                for (int i = 0; i < n; i++) b[j * n + i] = s * Math.cos(Math.PI * j * (2 * i + 1) / (2.0 * n));
            }
            return b;
        });
    }

    /** x: [n, frames] -> [k, frames]. A truncated DCT is a small dense product: cheaper than a full transform per frame. */
    public static dev.segue.dsp.FloatMatrix dct2Ortho(dev.segue.dsp.FloatMatrix x, int k) {
        int n = x.rows(), frames = x.cols();
        if (k > n) throw new IllegalArgumentException("n_mfcc=" + k + " exceeds the " + n + " mel bands");
        double[] b = basis(k, n);
        float[] out = new float[k * frames];
        double[] acc = new double[frames];
        for (int j = 0; j < k; j++) {
            java.util.Arrays.fill(acc, 0);
            for (int i = 0; i < n; i++) {
                double c = b[j * n + i];
                int base = i * frames;
                for (int t = 0; t < frames; t++) acc[t] += c * x.data()[base + t];
            }
            for (int t = 0; t < frames; t++) out[j * frames + t] = (float) acc[t];
        }
        return new dev.segue.dsp.FloatMatrix(k, frames, out);
    }
}
