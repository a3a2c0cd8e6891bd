package dev.segue.dsp.resample;

import java.util.Locale;

/** Resampling filters on offer. */
public enum ResampleMode {
    /**
     * librosa's default res_type 'soxr_hq': a linear-phase, zero-delay Kaiser-windowed sinc with the cutoff, beta and
     * length of libsoxr's HQ filters as measured from their impulse responses. Integer ratios (2:1 as in the CQT, 3:1,
     * 4:1, 1:3) reproduce libsoxr to float32 rounding; other ratios to ~3e-5 relative L2 (libsoxr uses two stages there).
     */
    HQ,
    /** Short windowed sinc (16 zero crossings, 80 dB, passband 0.85): several times cheaper, for previews and bulk work. */
    FAST,
    /** scipy.signal.resample_poly with its default Kaiser(5.0) filter of half-length 10*max(up, down): librosa 'polyphase', exactly. */
    POLYPHASE;

    public static ResampleMode parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "hq", "soxr_hq", "soxr", "best" -> HQ;
            case "fast", "lq", "soxr_lq" -> FAST;
            case "polyphase", "poly" -> POLYPHASE;
            default -> throw new IllegalArgumentException("unknown resampler '" + s + "' (hq, fast, polyphase)");
        };
    }
}
