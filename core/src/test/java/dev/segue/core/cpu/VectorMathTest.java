package dev.segue.core.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

class VectorMathTest {
    static final int L = FloatVector.SPECIES_PREFERRED.length();

    static float[] apply(float[] x, boolean tanh) {
        float[] out = new float[x.length];
        for (int i = 0; i + L <= x.length; i += L) {
            FloatVector v = FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, i);
            (tanh ? VectorMath.tanh(v) : VectorMath.exp(v)).intoArray(out, i);
        }
        return out;
    }

    @Test
    void expIsWithinTwoUlpsOfMathExpAndHandlesTheEdges() {
        int n = L * 2000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = -100f + 190f * i / n;
        float[] y = apply(x, false);
        for (int i = 0; i < n; i++) {
            double want = Math.exp(x[i]);
            if (want < Float.MIN_NORMAL) { assertEquals(want, y[i], 2 * Float.MIN_VALUE, "x=" + x[i]); continue; }
            if (want > Float.MAX_VALUE) { assertEquals(Float.POSITIVE_INFINITY, y[i], "x=" + x[i]); continue; }
            assertTrue(Math.abs(y[i] - want) <= 2 * Math.ulp((float) want), "exp(" + x[i] + ") = " + y[i] + ", want " + want);
        }
        float[] edge = new float[L];
        java.util.Arrays.fill(edge, Float.NaN);
        edge[0] = Float.NEGATIVE_INFINITY;
        if (L > 1) edge[1] = Float.POSITIVE_INFINITY;
        if (L > 2) edge[2] = 0f;
        float[] e = apply(edge, false);
        assertEquals(0f, e[0]);
        if (L > 1) assertEquals(Float.POSITIVE_INFINITY, e[1]);
        if (L > 2) assertEquals(1f, e[2]);
        if (L > 3) assertTrue(Float.isNaN(e[3]));
    }

    @Test
    void tanhIsWithinThreeUlpsOfMathTanh() {
        int n = L * 2000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = -12f + 24f * i / n;
        float[] y = apply(x, true);
        for (int i = 0; i < n; i++) {
            double want = Math.tanh(x[i]);
            assertTrue(Math.abs(y[i] - want) <= 3 * Math.ulp((float) want) + 1e-30, "tanh(" + x[i] + ") = " + y[i] + ", want " + want);
        }
    }

    @Test
    void laneSumIsInLaneOrder() {
        float[] v = new float[L];
        for (int i = 0; i < L; i++) v[i] = i % 2 == 0 ? 1e8f : 1f;
        double want = 0;
        for (float f : v) want += f;
        assertEquals(want, VectorMath.sum(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, v, 0)));
    }
}
