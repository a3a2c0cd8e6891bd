package dev.segue.core.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link TileProducts#mulAdd} on the Vector API (loaded only when the incubator module is present): blocks
 * of 4 rows × 4 vectors of C (16 accumulators; per p, 4 broadcasts of A and 4 loads of a B row feed 16
 * fmas), then 4 rows × 1 vector, then single rows; columns past the last whole vector go to the scalar
 * reference. All in one method per loop nest (no vector crosses a method boundary: see {@link VectorMath}).
 * The stores are written out twice, for beta = 0 and beta ≠ 0: a {@code beta == 0 ? x : y} choice between
 * two vector expressions makes C2 box the vectors (3x slower, measured).
 */
final class VectorTileProducts {
    private VectorTileProducts() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    static void mulAdd(int m, int n, int k, float alpha, float[] a, int aOff, int ars, int acs,
                       float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        int nv = n / L * L;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int a0 = aOff + i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
            int j = 0;
            for (; j + 4 * L <= nv; j += 4 * L) {
                FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
                FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
                FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
                FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
                for (int p = 0; p < k; p++) {
                    int bo = bOff + p * ldb + j, ap = p * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bo), b1 = FloatVector.fromArray(S, b, bo + L);
                    FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * L), b3 = FloatVector.fromArray(S, b, bo + 3 * L);
                    FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02); c03 = x.fma(b3, c03);
                    x = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12); c13 = x.fma(b3, c13);
                    x = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22); c23 = x.fma(b3, c23);
                    x = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32); c33 = x.fma(b3, c33);
                }
                int o = cOff + i * ldc + j;
                if (beta == 0f) {
                    c00.mul(alpha).intoArray(c, o); c01.mul(alpha).intoArray(c, o + L);
                    c02.mul(alpha).intoArray(c, o + 2 * L); c03.mul(alpha).intoArray(c, o + 3 * L);
                    o += ldc;
                    c10.mul(alpha).intoArray(c, o); c11.mul(alpha).intoArray(c, o + L);
                    c12.mul(alpha).intoArray(c, o + 2 * L); c13.mul(alpha).intoArray(c, o + 3 * L);
                    o += ldc;
                    c20.mul(alpha).intoArray(c, o); c21.mul(alpha).intoArray(c, o + L);
                    c22.mul(alpha).intoArray(c, o + 2 * L); c23.mul(alpha).intoArray(c, o + 3 * L);
                    o += ldc;
                    c30.mul(alpha).intoArray(c, o); c31.mul(alpha).intoArray(c, o + L);
                    c32.mul(alpha).intoArray(c, o + 2 * L); c33.mul(alpha).intoArray(c, o + 3 * L);
                } else {
                    c00.mul(alpha).add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o);
                    c01.mul(alpha).add(FloatVector.fromArray(S, c, o + L).mul(beta)).intoArray(c, o + L);
                    c02.mul(alpha).add(FloatVector.fromArray(S, c, o + 2 * L).mul(beta)).intoArray(c, o + 2 * L);
                    c03.mul(alpha).add(FloatVector.fromArray(S, c, o + 3 * L).mul(beta)).intoArray(c, o + 3 * L);
                    o += ldc;
                    c10.mul(alpha).add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o);
                    c11.mul(alpha).add(FloatVector.fromArray(S, c, o + L).mul(beta)).intoArray(c, o + L);
                    c12.mul(alpha).add(FloatVector.fromArray(S, c, o + 2 * L).mul(beta)).intoArray(c, o + 2 * L);
                    c13.mul(alpha).add(FloatVector.fromArray(S, c, o + 3 * L).mul(beta)).intoArray(c, o + 3 * L);
                    o += ldc;
                    c20.mul(alpha).add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o);
                    c21.mul(alpha).add(FloatVector.fromArray(S, c, o + L).mul(beta)).intoArray(c, o + L);
                    c22.mul(alpha).add(FloatVector.fromArray(S, c, o + 2 * L).mul(beta)).intoArray(c, o + 2 * L);
                    c23.mul(alpha).add(FloatVector.fromArray(S, c, o + 3 * L).mul(beta)).intoArray(c, o + 3 * L);
                    o += ldc;
                    c30.mul(alpha).add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o);
                    c31.mul(alpha).add(FloatVector.fromArray(S, c, o + L).mul(beta)).intoArray(c, o + L);
                    c32.mul(alpha).add(FloatVector.fromArray(S, c, o + 2 * L).mul(beta)).intoArray(c, o + 2 * L);
                    c33.mul(alpha).add(FloatVector.fromArray(S, c, o + 3 * L).mul(beta)).intoArray(c, o + 3 * L);
                }
            }
            for (; j < nv; j += L) {
                FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
                for (int p = 0; p < k; p++) {
                    FloatVector bv = FloatVector.fromArray(S, b, bOff + p * ldb + j);
                    int ap = p * acs;
                    c0 = FloatVector.broadcast(S, a[a0 + ap]).fma(bv, c0);
                    c1 = FloatVector.broadcast(S, a[a1 + ap]).fma(bv, c1);
                    c2 = FloatVector.broadcast(S, a[a2 + ap]).fma(bv, c2);
                    c3 = FloatVector.broadcast(S, a[a3 + ap]).fma(bv, c3);
                }
                int o = cOff + i * ldc + j;
                if (beta == 0f) {
                    c0.mul(alpha).intoArray(c, o); c1.mul(alpha).intoArray(c, o + ldc);
                    c2.mul(alpha).intoArray(c, o + 2 * ldc); c3.mul(alpha).intoArray(c, o + 3 * ldc);
                } else {
                    c0.mul(alpha).add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o);
                    c1.mul(alpha).add(FloatVector.fromArray(S, c, o + ldc).mul(beta)).intoArray(c, o + ldc);
                    c2.mul(alpha).add(FloatVector.fromArray(S, c, o + 2 * ldc).mul(beta)).intoArray(c, o + 2 * ldc);
                    c3.mul(alpha).add(FloatVector.fromArray(S, c, o + 3 * ldc).mul(beta)).intoArray(c, o + 3 * ldc);
                }
            }
        }
        for (; i < m; i++) {
            int a0 = aOff + i * ars;
            for (int j = 0; j < nv; j += L) {
                FloatVector c0 = FloatVector.zero(S);
                for (int p = 0; p < k; p++) c0 = FloatVector.broadcast(S, a[a0 + p * acs]).fma(FloatVector.fromArray(S, b, bOff + p * ldb + j), c0);
                int o = cOff + i * ldc + j;
                if (beta == 0f) c0.mul(alpha).intoArray(c, o);
                else c0.mul(alpha).add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o);
            }
        }
        if (nv < n) TileProducts.mulAddScalar(m, n, k, alpha, a, aOff, ars, acs, b, bOff, ldb, beta, c, cOff, ldc, nv);
    }

    /**
     * {@link TileProducts#dotRows}: blocks of 2 rows × 4 columns (8 accumulators; per vector of depth, 2 + 4
     * loads feed 8 fmas), then 2 × 1 and 1 × 1; each accumulator summed by a fixed tree of shuffles (lane l
     * plus lane l ^ h for h = L/2 … 1; made here, in locals, so that C2 knows their class — a shuffle read
     * from an array would run the Vector API's Java fallback). Up to 16 lanes (else the scalar reference).
     */
    static void dotRows(int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                        float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        if (L > 16) { TileProducts.dotRowsReference(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, L); return; }
        int kv = k / L * L;
        VectorShuffle<Float> h8 = VectorShuffle.fromOp(S, l -> l ^ 8 & (L - 1)), h4 = VectorShuffle.fromOp(S, l -> l ^ 4 & (L - 1));
        VectorShuffle<Float> h2 = VectorShuffle.fromOp(S, l -> l ^ 2 & (L - 1)), h1 = VectorShuffle.fromOp(S, l -> l ^ 1 & (L - 1));
        float[] sums = new float[8];
        for (int i = 0; i < m; i += 2) {
            boolean two = i + 1 < m;
            int a0 = aOff + i * lda, a1 = two ? a0 + lda : a0;     // a single last row is computed twice, stored once
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                int b0 = bOff + j * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
                FloatVector s00 = FloatVector.zero(S), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00, s13 = s00;
                for (int p = 0; p < kv; p += L) {
                    FloatVector x0 = FloatVector.fromArray(S, a, a0 + p), x1 = FloatVector.fromArray(S, a, a1 + p);
                    FloatVector y = FloatVector.fromArray(S, b, b0 + p);
                    s00 = x0.fma(y, s00); s10 = x1.fma(y, s10);
                    y = FloatVector.fromArray(S, b, b1 + p);
                    s01 = x0.fma(y, s01); s11 = x1.fma(y, s11);
                    y = FloatVector.fromArray(S, b, b2 + p);
                    s02 = x0.fma(y, s02); s12 = x1.fma(y, s12);
                    y = FloatVector.fromArray(S, b, b3 + p);
                    s03 = x0.fma(y, s03); s13 = x1.fma(y, s13);
                }
                if (L >= 16) {
                    s00 = s00.add(s00.rearrange(h8)); s01 = s01.add(s01.rearrange(h8)); s02 = s02.add(s02.rearrange(h8)); s03 = s03.add(s03.rearrange(h8));
                    s10 = s10.add(s10.rearrange(h8)); s11 = s11.add(s11.rearrange(h8)); s12 = s12.add(s12.rearrange(h8)); s13 = s13.add(s13.rearrange(h8));
                }
                if (L >= 8) {
                    s00 = s00.add(s00.rearrange(h4)); s01 = s01.add(s01.rearrange(h4)); s02 = s02.add(s02.rearrange(h4)); s03 = s03.add(s03.rearrange(h4));
                    s10 = s10.add(s10.rearrange(h4)); s11 = s11.add(s11.rearrange(h4)); s12 = s12.add(s12.rearrange(h4)); s13 = s13.add(s13.rearrange(h4));
                }
                if (L >= 4) {
                    s00 = s00.add(s00.rearrange(h2)); s01 = s01.add(s01.rearrange(h2)); s02 = s02.add(s02.rearrange(h2)); s03 = s03.add(s03.rearrange(h2));
                    s10 = s10.add(s10.rearrange(h2)); s11 = s11.add(s11.rearrange(h2)); s12 = s12.add(s12.rearrange(h2)); s13 = s13.add(s13.rearrange(h2));
                }
                if (L >= 2) {
                    s00 = s00.add(s00.rearrange(h1)); s01 = s01.add(s01.rearrange(h1)); s02 = s02.add(s02.rearrange(h1)); s03 = s03.add(s03.rearrange(h1));
                    s10 = s10.add(s10.rearrange(h1)); s11 = s11.add(s11.rearrange(h1)); s12 = s12.add(s12.rearrange(h1)); s13 = s13.add(s13.rearrange(h1));
                }
                sums[0] = s00.lane(0); sums[1] = s01.lane(0); sums[2] = s02.lane(0); sums[3] = s03.lane(0);
                sums[4] = s10.lane(0); sums[5] = s11.lane(0); sums[6] = s12.lane(0); sums[7] = s13.lane(0);
                for (int r = 0; r < (two ? 2 : 1); r++) {
                    int ar = r == 0 ? a0 : a1;
                    for (int q = 0; q < 4; q++) {
                        float sum = sums[r * 4 + q];
                        int bq = bOff + (j + q) * ldb;
                        for (int p = kv; p < k; p++) sum = Math.fma(a[ar + p], b[bq + p], sum);
                        c[cOff + (i + r) * ldc + j + q] = alpha * sum;
                    }
                }
            }
            for (; j < n; j++) {
                int b0 = bOff + j * ldb;
                FloatVector s0 = FloatVector.zero(S), s1 = s0;
                for (int p = 0; p < kv; p += L) {
                    FloatVector y = FloatVector.fromArray(S, b, b0 + p);
                    s0 = FloatVector.fromArray(S, a, a0 + p).fma(y, s0);
                    s1 = FloatVector.fromArray(S, a, a1 + p).fma(y, s1);
                }
                if (L >= 16) { s0 = s0.add(s0.rearrange(h8)); s1 = s1.add(s1.rearrange(h8)); }
                if (L >= 8) { s0 = s0.add(s0.rearrange(h4)); s1 = s1.add(s1.rearrange(h4)); }
                if (L >= 4) { s0 = s0.add(s0.rearrange(h2)); s1 = s1.add(s1.rearrange(h2)); }
                if (L >= 2) { s0 = s0.add(s0.rearrange(h1)); s1 = s1.add(s1.rearrange(h1)); }
                sums[0] = s0.lane(0);
                sums[1] = s1.lane(0);
                for (int r = 0; r < (two ? 2 : 1); r++) {
                    int ar = r == 0 ? a0 : a1;
                    float sum = sums[r];
                    for (int p = kv; p < k; p++) sum = Math.fma(a[ar + p], b[b0 + p], sum);
                    c[cOff + (i + r) * ldc + j] = alpha * sum;
                }
            }
        }
    }
}
