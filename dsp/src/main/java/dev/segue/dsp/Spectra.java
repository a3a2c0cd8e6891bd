package dev.segue.dsp;

/** Small numeric helpers shared by the spectral code. */
public final class Spectra {
    private Spectra() {}

    /** float32 {@code x ** p}; p = 1 and 2 exactly as numpy does them (identity, one rounded product). */
    public static float pow(float x, double p) {
        if (p == 2.0) return x * x;
        if (p == 1.0) return x;
        return (float) Math.pow(x, p);
    }

    /**
     * |re + i im| of a complex64 value rounded to float32, as numpy's hypotf gives it. For float inputs the double
     * sum of squares is exact to 2^-53 and cannot overflow, so one sqrt and one rounding give the correctly rounded
     * modulus (up to rare double-rounding ties); Math.hypot agrees but is several times slower (strict fdlibm).
     */
    public static float abs(float re, float im) {
        return (float) Math.sqrt((double) re * re + (double) im * im);
    }

    /** numpy.linspace(start, stop, n) with endpoint: start + i*step, last element exactly stop. */
    public static double[] linspace(double start, double stop, int n) {
        double[] y = new double[n];
        if (n == 0) return y;
        if (n == 1) { y[0] = start; return y; }
        double step = (stop - start) / (n - 1);
        for (int i = 0; i < n; i++) y[i] = i * step + start;
        y[n - 1] = stop;
        return y;
    }

    /** Rounds to IEEE binary16 (round to nearest even, subnormals kept, overflow to inf) and back to float32. */
    public static float roundToHalf(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) return f;
        int bits = Float.floatToRawIntBits(f);
        int sign = bits & 0x80000000;
        float a = Math.abs(f);
        if (a >= 65520f) return Float.intBitsToFloat(sign | 0x7f800000); // rounds past the largest half (65504)
        // quantum of the half grid at this magnitude: 2^(e-10) for normals (e >= -14), 2^-24 for subnormals
        int e = Math.getExponent(a);
        if (e < -14) e = -14;
        float q = Math.scalb(1f, e - 10);
        // a / q is exact (power of two); Math.rint rounds half to even; multiply back exactly
        float r = (float) (Math.rint(a / q) * q);
        return Float.intBitsToFloat(sign | Float.floatToRawIntBits(r));
    }
}
