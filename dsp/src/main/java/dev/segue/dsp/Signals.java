package dev.segue.dsp;

/** Input checks shared by the feature functions (librosa.util.valid_audio's rules). */
public final class Signals {
    private Signals() {}

    /** Rejects NaN/Inf samples with the index of the first one; an empty signal is rejected too. */
    public static void requireValid(float[] y, String what) {
        if (y == null || y.length == 0) throw new IllegalArgumentException(what + ": empty signal");
        int i = Kernels.firstNonFinite(y);
        if (i >= 0) throw new IllegalArgumentException(what + ": audio buffer is not finite everywhere (sample " + i + " is " + y[i] + ")");
    }
}
