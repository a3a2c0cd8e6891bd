package dev.segue.core.cpu;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The attention tile products: the vector kernel against its scalar reference (same bits) and a float64 product. */
class TileProductsTest {

    @Test
    void vectorKernelGivesTheScalarReferenceBitsAndTheProduct() {
        SplittableRandom r = new SplittableRandom(5);
        int[] sizes = {1, 3, 4, 5, 16, 17, 33, 64, 65, 129};
        for (int trial = 0; trial < 60; trial++) {
            int m = sizes[r.nextInt(sizes.length)], n = sizes[r.nextInt(sizes.length)], k = sizes[r.nextInt(sizes.length)];
            boolean transA = r.nextBoolean();
            float alpha = trial % 3 == 0 ? 1f : (float) r.nextGaussian(), beta = trial % 2 == 0 ? 0f : (float) r.nextGaussian();
            int lda = (transA ? m : k) + r.nextInt(3), ldb = n + r.nextInt(3), ldc = n + r.nextInt(3);
            int aOff = r.nextInt(4), bOff = r.nextInt(4), cOff = r.nextInt(4);
            float[] a = rnd(r, aOff + (transA ? k : m) * lda), b = rnd(r, bOff + k * ldb), c0 = rnd(r, cOff + m * ldc);
            if (beta == 0f) c0[cOff] = Float.NaN;                  // beta 0 overwrites, NaN included
            int ars = transA ? 1 : lda, acs = transA ? lda : 1;
            float[] cv = c0.clone(), cs = c0.clone();
            if (RowKernels.VECTOR) VectorTileProducts.mulAdd(m, n, k, alpha, a, aOff, ars, acs, b, bOff, ldb, beta, cv, cOff, ldc);
            else TileProducts.mulAdd(m, n, k, alpha, a, aOff, ars, acs, b, bOff, ldb, beta, cv, cOff, ldc);
            TileProducts.mulAddScalar(m, n, k, alpha, a, aOff, ars, acs, b, bOff, ldb, beta, cs, cOff, ldc, 0);
            String at = "m " + m + " n " + n + " k " + k + " transA " + transA;
            assertArrayEquals(cs, cv, at);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) {
                    double ref = 0, mag = 0;
                    for (int p = 0; p < k; p++) {
                        double x = a[aOff + i * ars + p * acs] * (double) b[bOff + p * ldb + j];
                        ref += x;
                        mag += Math.abs(x);
                    }
                    int o = cOff + i * ldc + j;
                    double old = beta == 0f ? 0 : beta * (double) c0[o];
                    ref = alpha * ref + old;
                    assertEquals(ref, cv[o], 1e-6 * (Math.abs(alpha) * mag + Math.abs(old) + 1e-30), at + " at " + i + "," + j);
                }
            for (int o = 0; o < cOff; o++) assertEquals(Float.floatToIntBits(c0[o]), Float.floatToIntBits(cv[o]), "before C untouched");
        }
    }

    @Test
    void dotRowsGivesItsReferenceBitsAndTheProduct() {
        SplittableRandom r = new SplittableRandom(9);
        int[] sizes = {1, 2, 3, 4, 5, 7, 16, 17, 64, 129, 256, 259};
        int lanes = RowKernels.VECTOR ? VectorMath.L : 1;
        for (int trial = 0; trial < 60; trial++) {
            int m = sizes[r.nextInt(6)], n = sizes[r.nextInt(8)], k = sizes[r.nextInt(sizes.length)];
            float alpha = trial % 3 == 0 ? 1f : (float) r.nextGaussian();
            int lda = k + r.nextInt(3), ldb = k + r.nextInt(3), ldc = n + r.nextInt(3);
            int aOff = r.nextInt(4), bOff = r.nextInt(4), cOff = r.nextInt(4);
            float[] a = rnd(r, aOff + m * lda), b = rnd(r, bOff + n * ldb);
            float[] cv = new float[cOff + m * ldc], cs = new float[cOff + m * ldc];
            java.util.Arrays.fill(cv, Float.NaN);                   // overwritten
            TileProducts.dotRows(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, cv, cOff, ldc);
            TileProducts.dotRowsReference(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, cs, cOff, ldc, lanes);
            String at = "m " + m + " n " + n + " k " + k;
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) {
                    int o = cOff + i * ldc + j;
                    assertEquals(Float.floatToIntBits(cs[o]), Float.floatToIntBits(cv[o]), at + " at " + i + "," + j);
                    double ref = 0, mag = 0;
                    for (int p = 0; p < k; p++) {
                        double x = a[aOff + i * lda + p] * (double) b[bOff + j * ldb + p];
                        ref += x;
                        mag += Math.abs(x);
                    }
                    assertEquals(alpha * ref, cv[o], 1e-6 * Math.abs(alpha) * mag + 1e-30, at + " at " + i + "," + j);
                }
        }
    }

    @Test
    void transposedPaddedPutsZerosInThePadding() {
        float[] x = {9, 1, 2, 3, 4, 5, 6};       // base 1: [[1, 2, 3], [4, 5, 6]] with ld 3
        float[] t = TileProducts.transposedPadded(x, 1, 2, 3, 3, 4, new float[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7});
        assertArrayEquals(new float[] {1, 4, 0, 0, 2, 5, 0, 0, 3, 6, 0, 0, 7}, t);
    }

    private static float[] rnd(SplittableRandom r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }
}
