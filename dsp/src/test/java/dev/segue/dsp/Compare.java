package dev.segue.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error measures against a reference and the assertions the fixture tests use. */
public final class Compare {
    private Compare() {}

    public record Err(double maxAbs, double peakRel, double relL2) {
        @Override public String toString() { return String.format("maxAbs=%.3g peakRel=%.3g relL2=%.3g", maxAbs, peakRel, relL2); }
    }

    public static Err err(double[] x, double[] r) {
        assertEquals(r.length, x.length, "length");
        double maxAbs = 0, peak = 0, num = 0, den = 0;
        for (int i = 0; i < r.length; i++) {
            double d = x[i] - r[i];
            if (Double.isNaN(d)) d = Double.POSITIVE_INFINITY;
            maxAbs = Math.max(maxAbs, Math.abs(d));
            peak = Math.max(peak, Math.abs(r[i]));
            num += d * d;
            den += r[i] * r[i];
        }
        return new Err(maxAbs, peak == 0 ? maxAbs : maxAbs / peak, den == 0 ? Math.sqrt(num) : Math.sqrt(num / den));
    }

    public static Err err(float[] x, float[] r) { return err(toD(x), toD(r)); }

    /** Complex: modulus of the difference. */
    public static Err errComplex(float[] xr, float[] xi, float[] rr, float[] ri) {
        double maxAbs = 0, peak = 0, num = 0, den = 0;
        assertEquals(rr.length, xr.length, "length");
        for (int i = 0; i < rr.length; i++) {
            double d = Math.hypot(xr[i] - rr[i], xi[i] - ri[i]);
            if (Double.isNaN(d)) d = Double.POSITIVE_INFINITY;
            maxAbs = Math.max(maxAbs, d);
            peak = Math.max(peak, Math.hypot(rr[i], ri[i]));
            num += d * d;
            den += (double) rr[i] * rr[i] + (double) ri[i] * ri[i];
        }
        return new Err(maxAbs, peak == 0 ? maxAbs : maxAbs / peak, den == 0 ? Math.sqrt(num) : Math.sqrt(num / den));
    }

    static double[] toD(float[] x) { double[] d = new double[x.length]; for (int i = 0; i < x.length; i++) d[i] = x[i]; return d; }

    /**
     * Passes when the peak-relative error is within the manifest's rel_tol (or max abs within abs_tol, the equivalent
     * form, used for all-zero references), and the relative L2 error within the bound.
     */
    public static void check(Fixture f, String tensor, Err e, double relL2Bound) {
        double rel = f.tol(tensor, "rel_tol"), abs = f.tol(tensor, "abs_tol");
        String msg = f.name + " " + tensor + ": " + e + " (rel_tol " + rel + ", abs_tol " + abs + ", relL2 bound " + relL2Bound + ")";
        System.out.println(msg);
        assertTrue(e.peakRel() <= rel || e.maxAbs() <= abs, msg);
        assertTrue(e.relL2() <= relL2Bound || e.maxAbs() <= abs, msg);
    }

    /** dB / log tensors: absolute tolerance. */
    public static void checkAbs(Fixture f, String tensor, Err e) {
        double abs = f.tol(tensor, "abs_tol");
        String msg = f.name + " " + tensor + ": " + e + " (abs_tol " + abs + ")";
        System.out.println(msg);
        assertTrue(e.maxAbs() <= abs, msg);
    }

    public static void shape(Fixture f, String tensor, int rows, int cols) {
        assertArrayEquals(f.shape(tensor), new int[] {rows, cols}, f.name + " " + tensor + " shape");
    }
}
