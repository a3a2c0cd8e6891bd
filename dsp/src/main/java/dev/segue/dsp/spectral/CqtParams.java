package dev.segue.dsp.spectral;

import dev.segue.dsp.resample.ResampleMode;

/**
 * Parameters of librosa.cqt (librosa 0.11 defaults: hop 512, fmin C1, 84 bins, 12 per octave, tuning 0, filter_scale 1,
 * norm 1, sparsity 0.01, hann, scale=True, constant padding, soxr_hq-style halving). tuning NaN = estimate from the signal.
 */
public record CqtParams(int hop, double fmin, int nBins, int binsPerOctave, double tuning, double filterScale,
                        double sparsity, boolean scale, PadMode padMode, ResampleMode resampler) {
    public static final double C1 = 32.70319566257483; // librosa.note_to_hz('C1')

    public CqtParams {
        if (hop < 1) throw new IllegalArgumentException("hop_length must be >= 1");
        if (nBins < 1 || binsPerOctave < 1) throw new IllegalArgumentException("n_bins and bins_per_octave must be >= 1");
        if (!(fmin > 0)) throw new IllegalArgumentException("fmin must be > 0, got " + fmin);
        if (filterScale <= 0) throw new IllegalArgumentException("filter_scale must be > 0");
        if (sparsity < 0 || sparsity >= 1) throw new IllegalArgumentException("sparsity must be in [0, 1)");
    }

    public static CqtParams defaults() {
        return new CqtParams(512, C1, 84, 12, 0.0, 1.0, 0.01, true, PadMode.CONSTANT, ResampleMode.HQ);
    }

    public CqtParams withHop(int h) { return new CqtParams(h, fmin, nBins, binsPerOctave, tuning, filterScale, sparsity, scale, padMode, resampler); }
    public CqtParams withBins(int n, int bpo) { return new CqtParams(hop, fmin, n, bpo, tuning, filterScale, sparsity, scale, padMode, resampler); }
    public CqtParams withFmin(double f) { return new CqtParams(hop, f, nBins, binsPerOctave, tuning, filterScale, sparsity, scale, padMode, resampler); }
    public CqtParams withTuning(double t) { return new CqtParams(hop, fmin, nBins, binsPerOctave, t, filterScale, sparsity, scale, padMode, resampler); }
    public CqtParams withResampler(ResampleMode m) { return new CqtParams(hop, fmin, nBins, binsPerOctave, tuning, filterScale, sparsity, scale, padMode, m); }
}
