package dev.segue.dsp.spectral;

import dev.segue.dsp.FloatMatrix;

/**
 * librosa.power_to_db: 10 log10(max(amin, S)) - 10 log10(max(amin, ref)), then clipped to max - top_db.
 * Kept in float32 where librosa is (a float32 S stays float32 through numpy's ufuncs).
 */
public final class PowerToDb {
    private PowerToDb() {}

    /** Reference level: a fixed value, or the maximum of S (ref=np.max). */
    public sealed interface Ref permits Fixed, Max {}
    public record Fixed(double value) implements Ref {}
    public record Max() implements Ref {}

    /** @param topDb non-positive or NaN disables clipping (top_db=None) */
    public static FloatMatrix apply(FloatMatrix s, Ref ref, double amin, double topDb) {
        if (amin <= 0) throw new IllegalArgumentException("amin must be strictly positive");
        float[] x = s.data();
        float[] out = new float[x.length];
        float aminF = (float) amin;
        double refDb;
        if (ref instanceof Max) {
            float mx = Float.NEGATIVE_INFINITY;
            for (float v : x) mx = Math.max(mx, v); // NaN propagates through Math.max, as np.max does
            if (x.length == 0) mx = 0f;
            refDb = (float) (10f * (float) Math.log10(Math.max(aminF, mx)));
        } else {
            refDb = 10.0 * Math.log10(Math.max(amin, Math.abs(((Fixed) ref).value())));
        }
        float mx = Float.NEGATIVE_INFINITY;
        dev.segue.dsp.Kernels.dbFloat(x, aminF, out); // 10 log10(max(amin, x)), float32 (SIMD log10 within an ulp)
        for (int i = 0; i < x.length; i++) {
            float v = Float.isNaN(x[i]) ? x[i] : (float) (out[i] - refDb);
            out[i] = v;
            mx = Math.max(mx, v);
        }
        if (topDb > 0) {
            float floor = (float) (mx - topDb);
            for (int i = 0; i < out.length; i++) out[i] = Math.max(out[i], floor);
        }
        return new FloatMatrix(s.rows(), s.cols(), out);
    }

    /** The defaults of librosa.feature.mfcc: ref=1.0, amin=1e-10, top_db=80. */
    public static FloatMatrix apply(FloatMatrix s) { return apply(s, new Fixed(1.0), 1e-10, 80.0); }
}
