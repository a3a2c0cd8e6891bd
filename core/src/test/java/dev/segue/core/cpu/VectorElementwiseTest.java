package dev.segue.core.cpu;

import dev.segue.core.Backend.Binary;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explicit-vector elementwise loops give the bits of the plain scalar loops, special values included. */
class VectorElementwiseTest {

    private static float[] values(SplittableRandom r, int n) {
        float[] specials = {Float.NaN, 0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE};
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = r.nextInt(6) == 0 ? specials[r.nextInt(specials.length)] : (float) (r.nextGaussian() * 10);
        return v;
    }

    private static void same(float[] expect, float[] got, String what) {
        for (int i = 0; i < expect.length; i++)
            assertEquals(Float.floatToIntBits(expect[i]), Float.floatToIntBits(got[i]), what + " at " + i + ": " + expect[i] + " vs " + got[i]);
    }

    @Test
    void vectorLoopsGiveTheScalarBits() {
        org.junit.jupiter.api.Assumptions.assumeTrue(RowKernels.VECTOR, "needs the Vector API");
        SplittableRandom r = new SplittableRandom(4);
        for (int n : new int[] {1, 15, 16, 17, 33, 100, 1027}) {
            float[] x = values(r, n + 2), y = values(r, n + 1);
            float c = (float) r.nextGaussian(), s = (float) r.nextGaussian(), t = (float) r.nextGaussian();
            for (Binary op : new Binary[] {Binary.ADD, Binary.SUB, Binary.MUL, Binary.DIV}) {
                float[] ev = new float[n], gv = new float[n], es = new float[n], gs = new float[n];
                for (int j = 0; j < n; j++) {
                    float a = x[2 + j], b = y[1 + j];
                    ev[j] = op == Binary.ADD ? a + b : op == Binary.SUB ? a - b : op == Binary.MUL ? a * b : a / b;
                    es[j] = op == Binary.ADD ? a + c : op == Binary.SUB ? a - c : op == Binary.MUL ? a * c : a / c;
                }
                assertTrue(VectorElementwise.binary(op, x, 2, y, 1, gv, 0, n));
                assertTrue(VectorElementwise.binaryScalar(op, x, 2, c, gs, 0, n));
                same(ev, gv, op + " n=" + n);
                same(es, gs, op + " scalar n=" + n);
            }
            float[] er = new float[n], gr = new float[n], en = new float[n], gn = new float[n], ea = new float[n], ga = new float[n];
            for (int j = 0; j < n; j++) { er[j] = Math.max(x[2 + j], 0f); en[j] = -x[2 + j]; ea[j] = s * x[2 + j] + t; }
            VectorElementwise.relu(x, 2, gr, 0, n);
            VectorElementwise.neg(x, 2, gn, 0, n);
            VectorElementwise.affine(x, 2, s, t, ga, 0, n, false);
            same(er, gr, "relu n=" + n);
            same(en, gn, "neg n=" + n);
            same(ea, ga, "affine n=" + n);
            float[] e1 = new float[n], g1 = new float[n];
            for (int j = 0; j < n; j++) e1[j] = 1f * x[2 + j] + t;
            VectorElementwise.affine(x, 2, 1f, t, g1, 0, n, false);
            same(e1, g1, "affine s=1 n=" + n);
        }
    }

    /** The vector dropout hash gives the scalar mask bit for bit, over ranges that start and end off the lanes. */
    @Test
    void vectorDropoutGivesTheScalarBits() {
        org.junit.jupiter.api.Assumptions.assumeTrue(RowKernels.VECTOR, "needs the Vector API");
        SplittableRandom r = new SplittableRandom(8);
        for (double p : new double[] {0.1, 0.5, 0.9, 1e-7}) {
            long seed = r.nextLong();
            int lo = (int) seed, hi = (int) (seed >>> 32), threshold = ElementwiseKernels.dropThreshold(p);
            float scale = (float) (1 / (1 - p));
            int from = r.nextInt(40), to = from + 1 + r.nextInt(3000);
            float[] a = values(r, to + 5);
            for (boolean mask : new boolean[] {false, true}) {
                float[] e = new float[to + 3], g = new float[to + 3];
                ElementwiseKernels.dropoutScalar(mask ? null : a, 5, e, 3, from, to, lo, hi, threshold, scale);
                VectorElementwise.dropout(mask ? null : a, 5, g, 3, from, to, lo, hi, threshold, scale);
                same(e, g, "dropout p=" + p + " mask=" + mask);
            }
        }
    }
}
