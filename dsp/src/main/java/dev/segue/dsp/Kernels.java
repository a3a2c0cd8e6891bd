package dev.segue.dsp;

/**
 * Hot inner loops with a Vector API implementation (when jdk.incubator.vector is present) and a scalar fallback.
 * Results depend on the vector width (summation order) but are deterministic on a given machine.
 */
public final class Kernels {
    private Kernels() {}

    static final boolean VECTOR;
    static {
        boolean ok;
        try {
            Class.forName("jdk.incubator.vector.FloatVector");
            ok = VectorKernels.SPECIES.length() >= 4 && !Boolean.getBoolean("segue.noVector");
        } catch (Throwable e) {
            ok = false;
        }
        VECTOR = ok;
    }

    /** sum_i a[ao + i] * b[bo + i], i in [0, n). */
    public static float dot(float[] a, int ao, float[] b, int bo, int n) {
        return VECTOR ? VectorKernels.dot(a, ao, b, bo, n) : dotScalar(a, ao, b, bo, n);
    }

    /** Scalar reference of {@link #dot} (float accumulation, sequential). */
    public static float dotScalar(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) s0 += a[ao + i] * b[bo + i];
        return (s0 + s1) + (s2 + s3);
    }

    /** out[i] = 10 log10(max(amin, x[i])) in float32 (power_to_db's inner loop); the vector path's log10 is within an ulp. */
    public static void dbFloat(float[] x, float amin, float[] out) {
        if (VECTOR) VectorKernels.dbFloat(x, amin, out);
        else dbFloatScalar(x, amin, out, 0);
    }

    static void dbFloatScalar(float[] x, float amin, float[] out, int from) {
        for (int i = from; i < x.length; i++) out[i] = 10f * (float) Math.log10(Math.max(amin, x[i]));
    }

    /** Index of the first NaN/Inf sample, or -1 when every sample is finite. */
    public static int firstNonFinite(float[] y) {
        int from = VECTOR ? VectorKernels.finitePrefix(y) : 0;
        for (int i = from; i < y.length; i++) if (!Float.isFinite(y[i])) return i;
        return -1;
    }

    public static boolean vectorized() { return VECTOR; }
}
