package dev.segue.core.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernels} on the Vector API. Loaded only when the incubator module is present. exp is
 * {@link VectorMath#expInPlace} (the same bits in every JIT tier), applied to the output row or to an
 * L1-sized scratch chunk (no vector crosses a method boundary: see {@link VectorMath}); sums accumulate in
 * float lanes and are reduced once per row, in a fixed order.
 */
final class VectorRows {
    private VectorRows() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Separate methods for softmax and log-softmax, so each is profiled and compiled on its own. */
    static void softmax(float[] x, int xo, float[] y, int yo, int n, boolean log) {
        if (log) logSoftmax(x, xo, y, yo, n); else softmax(x, xo, y, yo, n);
    }

    /** Row maximum (NaN if any lane is NaN); four accumulators, so the loop is not one chain of dependent max ops. */
    private static float max(float[] x, int xo, int n) {
        int up = S.loopBound(n), j = 0;
        FloatVector m0 = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY), m1 = m0, m2 = m0, m3 = m0;
        for (; j + 4 * L <= up; j += 4 * L) {
            m0 = m0.max(FloatVector.fromArray(S, x, xo + j));
            m1 = m1.max(FloatVector.fromArray(S, x, xo + j + L));
            m2 = m2.max(FloatVector.fromArray(S, x, xo + j + 2 * L));
            m3 = m3.max(FloatVector.fromArray(S, x, xo + j + 3 * L));
        }
        for (; j < up; j += L) m0 = m0.max(FloatVector.fromArray(S, x, xo + j));
        float max = m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX);
        for (; j < n; j++) max = Math.max(max, x[xo + j]);
        return max;
    }

    private static void softmax(float[] x, int xo, float[] y, int yo, int n) {
        float max = max(x, xo, n);
        if (max != max) { java.util.Arrays.fill(y, yo, yo + n, Float.NaN); return; }
        int up = S.loopBound(n), j = up;
        float[] lanes = new float[L];
        VectorMath.expSum(x, xo, y, yo, max, up, lanes);      // y = e^(x − max), lane sums in one pass
        double sum = VectorMath.sum(lanes);
        for (; j < n; j++) { float e = (float) Math.exp(x[xo + j] - max); y[yo + j] = e; sum += e; }
        FloatVector vi = FloatVector.broadcast(S, (float) (1 / sum));
        float inv = (float) (1 / sum);
        for (j = 0; j < up; j += L) FloatVector.fromArray(S, y, yo + j).mul(vi).intoArray(y, yo + j);
        for (; j < n; j++) y[yo + j] *= inv;
    }

    private static void logSoftmax(float[] x, int xo, float[] y, int yo, int n) {
        float max = max(x, xo, n);
        if (max != max) { java.util.Arrays.fill(y, yo, yo + n, Float.NaN); return; }
        int up = S.loopBound(n), j = 0;
        float[] lanes = new float[L];
        VectorMath.expSum(x, xo, null, 0, max, up, lanes);    // Σ e^(x − max) without storing anything
        j = up;
        double sum = VectorMath.sum(lanes);
        for (; j < n; j++) sum += Math.exp(x[xo + j] - max);
        float sh = (float) (max + Math.log(sum));
        FloatVector shift = FloatVector.broadcast(S, sh);
        for (j = 0; j < up; j += L) FloatVector.fromArray(S, x, xo + j).sub(shift).intoArray(y, yo + j);
        for (; j < n; j++) y[yo + j] = x[xo + j] - sh;
    }

    static void layerNorm(float[] x, int xo, float[] w, int wo, float[] b, int bo, float[] y, int yo, int n, float eps, float[] stats) {
        // two accumulators per sum: the adds (fmas) of one chain wait 3-4 cycles on each other
        int up = S.loopBound(n);
        FloatVector a0 = FloatVector.zero(S), a1 = a0;
        int j = 0;
        for (; j + 2 * L <= up; j += 2 * L) {
            a0 = a0.add(FloatVector.fromArray(S, x, xo + j));
            a1 = a1.add(FloatVector.fromArray(S, x, xo + j + L));
        }
        for (; j < up; j += L) a0 = a0.add(FloatVector.fromArray(S, x, xo + j));
        float[] lanes = new float[L];
        a0.add(a1).intoArray(lanes, 0);
        double s = VectorMath.sum(lanes);
        for (; j < n; j++) s += x[xo + j];
        float mean = (float) (s / n);
        FloatVector vm = FloatVector.broadcast(S, mean);
        a0 = FloatVector.zero(S);
        a1 = a0;
        j = 0;
        for (; j + 2 * L <= up; j += 2 * L) {
            FloatVector d0 = FloatVector.fromArray(S, x, xo + j).sub(vm), d1 = FloatVector.fromArray(S, x, xo + j + L).sub(vm);
            a0 = d0.fma(d0, a0);
            a1 = d1.fma(d1, a1);
        }
        for (; j < up; j += L) { FloatVector d = FloatVector.fromArray(S, x, xo + j).sub(vm); a0 = d.fma(d, a0); }
        a0.add(a1).intoArray(lanes, 0);
        double v = VectorMath.sum(lanes);
        for (; j < n; j++) { float d = x[xo + j] - mean; v += d * d; }
        float rstd = (float) (1 / Math.sqrt(v / n + eps));
        FloatVector vr = FloatVector.broadcast(S, rstd);
        j = 0;
        for (; j < up; j += L) {
            FloatVector t = FloatVector.fromArray(S, x, xo + j).sub(vm).mul(vr);
            if (w != null) t = t.mul(FloatVector.fromArray(S, w, wo + j));
            if (b != null) t = t.add(FloatVector.fromArray(S, b, bo + j));
            t.intoArray(y, yo + j);
        }
        for (; j < n; j++) {
            float t = (x[xo + j] - mean) * rstd;
            if (w != null) t *= w[wo + j];
            if (b != null) t += b[bo + j];
            y[yo + j] = t;
        }
        stats[0] = mean;
        stats[1] = rstd;
    }

    static void logSumExpAndSum(float[] x, int xo, int n, double[] stats) {
        float max = max(x, xo, n);
        int up = S.loopBound(n), j = 0;
        float[] lanes = new float[L];
        VectorMath.expSum(x, xo, null, 0, max, up, lanes);    // Σ e^(x − max), nothing stored
        double s = VectorMath.sum(lanes);
        FloatVector vx = FloatVector.zero(S);
        for (; j < up; j += L) vx = vx.add(FloatVector.fromArray(S, x, xo + j));
        vx.intoArray(lanes, 0);
        double sx = VectorMath.sum(lanes);
        for (; j < n; j++) { s += Math.exp(x[xo + j] - max); sx += x[xo + j]; }
        stats[0] = max + Math.log(s);
        stats[1] = sx;
    }

    static void softmaxGradient(float[] x, int xo, int n, float lse, float g, float off, float[] out, int oo) {
        int up = S.loopBound(n), j = 0;
        VectorMath.expSum(x, xo, out, oo, lse, up, null);       // out = e^(x − lse), no copy first
        FloatVector vo = FloatVector.broadcast(S, off);
        for (; j < up; j += L) FloatVector.fromArray(S, out, oo + j).sub(vo).mul(g).intoArray(out, oo + j);
        for (; j < n; j++) out[oo + j] = g * ((float) Math.exp(x[xo + j] - lse) - off);
    }

    static double dot(float[] a, int ao, float[] b, int bo, int n) {
        int up = S.loopBound(n), j = 0;
        FloatVector acc = FloatVector.zero(S);
        for (; j < up; j += L) acc = FloatVector.fromArray(S, a, ao + j).fma(FloatVector.fromArray(S, b, bo + j), acc);
        float[] lanes = new float[L];
        acc.intoArray(lanes, 0);
        double s = VectorMath.sum(lanes);
        for (; j < n; j++) s += a[ao + j] * b[bo + j];
        return s;
    }

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    /**
     * Σ x in double: each float vector is widened into two double vectors (its low and high halves) that
     * go to their own accumulators, two float vectors per step (four chains hide the add latency); the
     * accumulators are added lane by lane in a fixed order, then the tail. Needs L = 2 · double lanes.
     */
    static double sum(float[] x, int xo, int n) {
        if (L != 2 * D.length()) return ScalarRows.sum(x, xo, n);
        DoubleVector s0 = DoubleVector.zero(D), s1 = s0, s2 = s0, s3 = s0;
        int j = 0;
        for (; j + 2 * L <= n; j += 2 * L) {
            FloatVector v = FloatVector.fromArray(S, x, xo + j), w = FloatVector.fromArray(S, x, xo + j + L);
            s0 = s0.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0));
            s1 = s1.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 1));
            s2 = s2.add((DoubleVector) w.convertShape(VectorOperators.F2D, D, 0));
            s3 = s3.add((DoubleVector) w.convertShape(VectorOperators.F2D, D, 1));
        }
        double[] lanes = new double[D.length()];
        s0.add(s1).add(s2.add(s3)).intoArray(lanes, 0);
        double s = 0;
        for (double v : lanes) s += v;
        for (; j < n; j++) s += x[xo + j];
        return s;
    }
}
