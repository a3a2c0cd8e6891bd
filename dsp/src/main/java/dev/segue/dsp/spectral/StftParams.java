package dev.segue.dsp.spectral;

/**
 * Parameters of {@code librosa.stft}. winLength defaults to nFft and hop to winLength / 4 (librosa's defaults).
 */
public record StftParams(int nFft, int hop, int winLength, Window window, boolean center, PadMode padMode) {
    public StftParams {
        if (nFft < 1) throw new IllegalArgumentException("n_fft must be >= 1, got " + nFft);
        if (winLength <= 0) winLength = nFft;
        if (hop <= 0) hop = Math.max(1, winLength / 4);
        if (winLength > nFft) throw new IllegalArgumentException("win_length " + winLength + " > n_fft " + nFft);
    }

    public static StftParams of(int nFft, int hop) { return new StftParams(nFft, hop, nFft, Window.HANN, true, PadMode.CONSTANT); }

    public StftParams withWindow(Window w) { return new StftParams(nFft, hop, winLength, w, center, padMode); }
    public StftParams withPad(PadMode m) { return new StftParams(nFft, hop, winLength, window, center, m); }
    public StftParams withCenter(boolean c) { return new StftParams(nFft, hop, winLength, window, c, padMode); }
    public StftParams withWinLength(int w) { return new StftParams(nFft, hop, w, window, center, padMode); }

    public int bins() { return nFft / 2 + 1; }

    /** Number of frames librosa produces for n samples (0 when a non-centred signal is shorter than n_fft). */
    public int frames(int n) {
        if (center) return 1 + n / hop;
        return n < nFft ? 0 : 1 + (n - nFft) / hop;
    }
}
