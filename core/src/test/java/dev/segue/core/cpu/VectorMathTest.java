package dev.segue.core.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The deterministic lane-wise exp and tanh against Math.exp / Math.tanh (double, rounded to float). */
class VectorMathTest {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    static float[] apply(float[] x, boolean tanh) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            (tanh ? VectorMath.tanh(v) : VectorMath.exp(v)).intoArray(y, i);
        }
        return y;
    }

    static float[] grid(float lo, float hi, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = lo + (hi - lo) * i / (n - 1);
        return x;
    }

    @Test void expWithinTwoUlp() {
        float[] x = grid(-87f, 88f, 1 << 16);
        float[] y = apply(x, false);
        for (int i = 0; i < x.length; i++) {
            float want = (float) Math.exp(x[i]);
            assertTrue(Math.abs(y[i] - want) <= 2 * Math.ulp(want), "exp(" + x[i] + ") = " + y[i] + ", want " + want);
        }
    }

    @Test void expSpecialValues() {
        int n = S.length() * 2;
        float[] x = new float[n];
        float[] special = {Float.NEGATIVE_INFINITY, -1000f, -88f, 0f, -0f, 1f, 89f, Float.POSITIVE_INFINITY, Float.NaN};
        for (int i = 0; i < n; i++) x[i] = special[i % special.length];
        float[] y = apply(x, false);
        for (int i = 0; i < n; i++) {
            float v = x[i];
            if (Float.isNaN(v)) assertTrue(Float.isNaN(y[i]));
            else if (v < -87.34f) assertEquals(0f, y[i], "exp(" + v + ")");
            else if (v > 88.38f) assertEquals(Float.POSITIVE_INFINITY, y[i], "exp(" + v + ")");
            else if (v == 0) assertEquals(1f, y[i]);
            else assertEquals((float) Math.exp(v), y[i], 2 * Math.ulp((float) Math.exp(v)), "exp(" + v + ")");
        }
    }

    @Test void tanhWithinFewUlp() {
        float[] x = grid(-12f, 12f, (1 << 16) + S.length() * 0);
        float[] y = apply(x, true);
        for (int i = 0; i < x.length; i++) {
            float want = (float) Math.tanh(x[i]);
            assertTrue(Math.abs(y[i] - want) <= 3 * Math.ulp(want) + 1e-9, "tanh(" + x[i] + ") = " + y[i] + ", want " + want);
        }
        float[] tiny = new float[S.length()];
        for (int i = 0; i < tiny.length; i++) tiny[i] = (i % 2 == 0 ? 1 : -1) * 1e-6f * (i + 1);
        float[] ty = apply(tiny, true);
        for (int i = 0; i < tiny.length; i++) assertEquals(tiny[i], ty[i], Math.ulp(tiny[i]), "tanh is x near 0");
    }
}
