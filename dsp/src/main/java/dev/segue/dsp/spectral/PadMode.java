package dev.segue.dsp.spectral;

import java.util.Locale;

/** How a centred STFT extends the signal by n_fft/2 on each side (numpy.pad modes). */
public enum PadMode {
    /** zeros (librosa's default since 0.9). */
    CONSTANT,
    /** numpy 'reflect': mirror without repeating the edge sample. */
    REFLECT;

    public static PadMode parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "constant", "zeros" -> CONSTANT;
            case "reflect" -> REFLECT;
            default -> throw new IllegalArgumentException("unknown pad mode '" + s + "' (constant, reflect)");
        };
    }

    /** Sample at virtual index i (may be outside [0, n)) of a signal of length n. */
    float sample(float[] y, int i) {
        int n = y.length;
        if (i >= 0 && i < n) return y[i];
        if (this == CONSTANT) return 0f;
        if (n == 1) return y[0];
        int period = 2 * (n - 1);
        int k = Math.floorMod(i, period);
        return y[k < n ? k : period - k];
    }
}
