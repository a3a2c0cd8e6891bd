package dev.segue.core.cpu;

import dev.segue.core.Backend.Binary;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hot contiguous float32 elementwise loops on the Vector API (loaded only when the incubator module
 * is present), one small method per op: with the loops written as plain Java inside one big switch, C2's
 * auto-vectorisation depended on the compilation history of that method (the same ReLU loop measured
 * 2.8 or 6.4 ms for 16 M floats from one recompilation to the next); explicit vectors compile the same
 * way every time. Each gives the bits of the scalar loop it replaces (the same IEEE operations, tested).
 */
final class VectorElementwise {
    private VectorElementwise() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** o = x op y elementwise (ADD, SUB, MUL, DIV); false for other ops (nothing written). */
    static boolean binary(Binary op, float[] x, int ix, float[] y, int iy, float[] o, int io, int n) {
        switch (op) {
            case ADD: add(x, ix, y, iy, o, io, n); return true;
            case SUB: sub(x, ix, y, iy, o, io, n); return true;
            case MUL: mul(x, ix, y, iy, o, io, n); return true;
            case DIV: div(x, ix, y, iy, o, io, n); return true;
            default: return false;
        }
    }

    /** o = x op c (ADD, SUB, MUL, DIV with a scalar); false for other ops. */
    static boolean binaryScalar(Binary op, float[] x, int ix, float c, float[] o, int io, int n) {
        switch (op) {
            case ADD: affine(x, ix, 1f, c, o, io, n, false); return true;
            case SUB: affine(x, ix, 1f, -c, o, io, n, false); return true;
            case MUL: affine(x, ix, c, 0f, o, io, n, true); return true;
            case DIV: divScalar(x, ix, c, o, io, n); return true;
            default: return false;
        }
    }

    private static void add(float[] x, int ix, float[] y, int iy, float[] o, int io, int n) {
        int j = 0;
        for (; j < S.loopBound(n); j += L) FloatVector.fromArray(S, x, ix + j).add(FloatVector.fromArray(S, y, iy + j)).intoArray(o, io + j);
        for (; j < n; j++) o[io + j] = x[ix + j] + y[iy + j];
    }

    private static void sub(float[] x, int ix, float[] y, int iy, float[] o, int io, int n) {
        int j = 0;
        for (; j < S.loopBound(n); j += L) FloatVector.fromArray(S, x, ix + j).sub(FloatVector.fromArray(S, y, iy + j)).intoArray(o, io + j);
        for (; j < n; j++) o[io + j] = x[ix + j] - y[iy + j];
    }

    private static void mul(float[] x, int ix, float[] y, int iy, float[] o, int io, int n) {
        int j = 0;
        for (; j < S.loopBound(n); j += L) FloatVector.fromArray(S, x, ix + j).mul(FloatVector.fromArray(S, y, iy + j)).intoArray(o, io + j);
        for (; j < n; j++) o[io + j] = x[ix + j] * y[iy + j];
    }

    private static void div(float[] x, int ix, float[] y, int iy, float[] o, int io, int n) {
        int j = 0;
        for (; j < S.loopBound(n); j += L) FloatVector.fromArray(S, x, ix + j).div(FloatVector.fromArray(S, y, iy + j)).intoArray(o, io + j);
        for (; j < n; j++) o[io + j] = x[ix + j] / y[iy + j];
    }

    private static void divScalar(float[] x, int ix, float c, float[] o, int io, int n) {
        int j = 0;
        for (; j < S.loopBound(n); j += L) FloatVector.fromArray(S, x, ix + j).div(c).intoArray(o, io + j);
        for (; j < n; j++) o[io + j] = x[ix + j] / c;
    }

    /**
     * o = s·x + t; with {@code mulOnly} just s·x (x·c for a scalar product: adding 0 would turn −0 into +0).
     * s·x + t is two roundings, as in the scalar loop (Java never fuses them).
     */
    static void affine(float[] x, int ix, float s, float t, float[] o, int io, int n, boolean mulOnly) {
        int j = 0;
        if (mulOnly) {
            for (; j < S.loopBound(n); j += L) FloatVector.fromArray(S, x, ix + j).mul(s).intoArray(o, io + j);
            for (; j < n; j++) o[io + j] = x[ix + j] * s;
        } else if (s == 1f) {
            for (; j < S.loopBound(n); j += L) FloatVector.fromArray(S, x, ix + j).add(t).intoArray(o, io + j);
            for (; j < n; j++) o[io + j] = x[ix + j] + t;
        } else {
            for (; j < S.loopBound(n); j += L) FloatVector.fromArray(S, x, ix + j).mul(s).add(t).intoArray(o, io + j);
            for (; j < n; j++) o[io + j] = s * x[ix + j] + t;
        }
    }

    /** o = max(x, 0) with Math.max's rules: NaN stays NaN, −0 gives +0 (a compare and a blend, no Java-semantics max). */
    static void relu(float[] x, int ix, float[] o, int io, int n) {
        FloatVector zero = FloatVector.zero(S);
        int j = 0;
        for (; j < S.loopBound(n); j += L) {
            FloatVector v = FloatVector.fromArray(S, x, ix + j);
            v.blend(zero, v.compare(VectorOperators.LE, 0f)).intoArray(o, io + j);
        }
        for (; j < n; j++) o[io + j] = Math.max(x[ix + j], 0f);
    }

    static void neg(float[] x, int ix, float[] o, int io, int n) {
        int j = 0;
        for (; j < S.loopBound(n); j += L) FloatVector.fromArray(S, x, ix + j).neg().intoArray(o, io + j);
        for (; j < n; j++) o[io + j] = -x[ix + j];
    }

    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;

    /**
     * o[off + i] = a[xo + i] · f_i for i in [from, to) (a null: o = f_i), f_i = 0 or scale by the counter-based hash
     * of {@link ElementwiseKernels#keep} evaluated on int lanes: the same wrapping multiplies, shifts and xors, so
     * the same mask; the product a·f is formed as in the scalar loop (NaN·0 stays NaN, −x·0 is −0).
     */
    static void dropout(float[] a, int xo, float[] o, int off, int from, int to, int lo, int hi, int threshold, float scale) {
        if (I.length() != L) { ElementwiseKernels.dropoutScalar(a, xo, o, off, from, to, lo, hi, threshold, scale); return; }
        int[] lanes = new int[L];
        for (int l = 0; l < L; l++) lanes[l] = l;
        IntVector iota = IntVector.fromArray(I, lanes, 0);
        FloatVector keep = FloatVector.broadcast(S, scale), zero = FloatVector.zero(S);
        int i = from;
        for (; i + L <= to; i += L) {
            IntVector x = iota.add(i + lo);
            x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).mul(0x7feb352d);
            x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 15)).mul(0x846ca68b);
            x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).lanewise(VectorOperators.XOR, hi);
            x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).mul(0x7feb352d);
            x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 15)).mul(0x846ca68b);
            x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16));
            VectorMask<Float> dropped = x.lanewise(VectorOperators.LSHR, 8).compare(VectorOperators.LT, threshold).cast(S);
            FloatVector f = keep.blend(zero, dropped);
            if (a == null) f.intoArray(o, off + i);          // statements, not a choice between vectors (that boxes them)
            else FloatVector.fromArray(S, a, xo + i).mul(f).intoArray(o, off + i);
        }
        if (i < to) ElementwiseKernels.dropoutScalar(a, xo, o, off, i, to, lo, hi, threshold, scale);
    }
}
