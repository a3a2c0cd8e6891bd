package dev.segue.core.cpu;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deterministic vector exp/tanh against Math in double, over their whole range. */
class VectorMathTest {

    /** The vector part (a multiple of the lane count; x.length is one here) through the array API. */
    static float[] apply(boolean tanh, float[] x) {
        float[] y = new float[x.length];
        int up = VectorMath.S.loopBound(x.length);
        if (tanh) VectorMath.tanh(x, 0, y, 0, up); else VectorMath.exp(x, 0, y, 0, up);
        return y;
    }

    @Test
    void inPlaceAndShiftedAgreeWithCopying() {
        float[] x = new float[VectorMath.CHUNK * 2 + 5 * VectorMath.S.length()];
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(i * 0.37) * 9f;
        int up = VectorMath.S.loopBound(x.length);
        for (boolean tanh : new boolean[] {false, true}) {
            float[] copy = apply(tanh, x), inPlace = x.clone();
            if (tanh) VectorMath.tanh(inPlace, 0, inPlace, 0, up); else VectorMath.exp(inPlace, 0, inPlace, 0, up);
            for (int i = 0; i < up; i++) assertEquals(copy[i], inPlace[i], "i=" + i);
        }
        float[] shifted = x.clone();
        VectorMath.expInPlace(shifted, 0, 2.5f, up);
        for (int i = 0; i < up; i++) assertEquals(Math.exp(x[i] - 2.5f), shifted[i], 2e-7 * Math.exp(x[i] - 2.5f), "i=" + i);
    }

    @Test
    void expIsAccurateEverywhere() {
        int n = 16 * 20_000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = -110f + 210f * i / n;
        float[] y = apply(false, x);
        for (int i = 0; i < n; i++) {
            double ref = Math.exp(x[i]);
            if (ref > Float.MAX_VALUE) assertEquals(Float.POSITIVE_INFINITY, y[i], "x=" + x[i]);
            else if (ref < Float.MIN_NORMAL) assertEquals(ref, y[i], Float.MIN_NORMAL * 1e-6 + 2e-7 * ref, "x=" + x[i]);
            else assertTrue(Math.abs(y[i] - ref) <= 2e-7 * ref, "x=" + x[i] + " exp=" + y[i] + " ref=" + ref);
        }
        float[] special = new float[16];
        special[0] = Float.NaN; special[1] = Float.NEGATIVE_INFINITY; special[2] = Float.POSITIVE_INFINITY; special[3] = 0f;
        float[] s = apply(false, special);
        assertTrue(Float.isNaN(s[0]));
        assertEquals(0f, s[1]);
        assertEquals(Float.POSITIVE_INFINITY, s[2]);
        assertEquals(1f, s[3]);
    }

    @Test
    void tanhIsAccurateEverywhere() {
        int n = 16 * 10_000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = -12f + 24f * i / n;
        float[] y = apply(true, x);
        for (int i = 0; i < n; i++) {
            double ref = Math.tanh(x[i]);
            assertTrue(Math.abs(y[i] - ref) <= 3e-7 * Math.abs(ref) + 1e-30, "x=" + x[i] + " tanh=" + y[i] + " ref=" + ref);
        }
    }

    /** The lane sum is pairwise in double (a fixed order): checked against the same tree written out. */
    @Test
    void laneSumIsPairwiseInDouble() {
        for (int n : new int[] {VectorMath.S.length(), 8, 16, 4}) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) v[i] = (float) Math.pow(-1.7, i) * 1e-3f + (i == 3 ? 1e8f : 0f);
            double[] t = new double[n];
            for (int i = 0; i < n; i++) t[i] = v[i];
            double expect;
            if (n == 8 || n == 16) {
                for (int w = n; w > 1; w /= 2) for (int i = 0; i < w / 2; i++) t[i] = t[2 * i] + t[2 * i + 1];
                expect = t[0];
            } else {
                expect = 0;
                for (double d : t) expect += d;
            }
            assertEquals(expect, VectorMath.sum(v), "lanes " + n);
        }
        float[] lanes = new float[VectorMath.S.length()];
        FloatVector.fromArray(VectorMath.S, new float[lanes.length], 0).intoArray(lanes, 0);
        assertEquals(0.0, VectorMath.sum(lanes));
    }
}
