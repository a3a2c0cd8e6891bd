package dev.segue.core.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane-wise exp and tanh, and a lane sum, built only from operations whose results Java fixes exactly
 * (add, mul, fma, div, compare, blend, conversions of integral values). The Vector API's own EXP / TANH
 * and {@code reduceLanes(ADD)} are not such operations: the interpreted fallback computes them per lane
 * with Math functions in lane order, the C2 intrinsic with a vector math library and a tree of adds, so
 * the same program gave results differing by an ulp depending on what had been JIT-compiled — and runs
 * with the same seed were not bit-identical (a resumed training run diverged from the uninterrupted one).
 *
 * <p>exp: Cody–Waite reduction x = n·ln2 + r, |r| ≤ ln2/2, Cephes' degree-6 polynomial for e^r, and
 * 2^n applied in two halves so gradual underflow is right; max error about 1 ulp of Math.exp.
 * tanh: Cephes' odd polynomial for |x| &lt; 0.625, 1 − 2/(e^{2|x|} + 1) above, sign restored.
 */
final class VectorMath {
    private VectorMath() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final float LOG2E = 1.44269504088896341f, LN2_HI = 0.693359375f, LN2_LO = -2.12194440e-4f;
    /** 1.5·2^23: adding and subtracting it rounds a float of magnitude &lt; 2^22 to the nearest integer (ties to even). */
    private static final float ROUND = 12582912f;
    private static final float MAX_ARG = 88.72283905206835f, MIN_ARG = -103.972077083991796f;

    static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(MIN_ARG).min(MAX_ARG);
        FloatVector n = xc.mul(LOG2E).add(ROUND).sub(ROUND);
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), xc);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = r.mul(1.9875691500e-4f).add(1.3981999507e-3f);
        p = p.fma(r, FloatVector.broadcast(S, 8.3334519073e-3f));
        p = p.fma(r, FloatVector.broadcast(S, 4.1665795894e-2f));
        p = p.fma(r, FloatVector.broadcast(S, 1.6666665459e-1f));
        p = p.fma(r, FloatVector.broadcast(S, 5.0000001201e-1f));
        FloatVector e = p.mul(r).fma(r, r).add(1f);
        IntVector ni = (IntVector) n.convert(VectorOperators.F2I, 0);
        IntVector n1 = ni.lanewise(VectorOperators.ASHR, 1), n2 = ni.sub(n1);
        FloatVector s1 = n1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = n2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector y = e.mul(s1).mul(s2);
        y = y.blend(FloatVector.broadcast(S, Float.POSITIVE_INFINITY), x.compare(VectorOperators.GT, MAX_ARG));
        y = y.blend(FloatVector.zero(S), x.compare(VectorOperators.LT, MIN_ARG));
        return y.blend(x, x.compare(VectorOperators.NE, x));   // NaN stays NaN
    }

    static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector z = x.mul(x);
        FloatVector p = z.mul(-5.70498872745e-3f).add(2.06390887954e-2f);
        p = p.fma(z, FloatVector.broadcast(S, -5.37397155531e-2f));
        p = p.fma(z, FloatVector.broadcast(S, 1.33314422036e-1f));
        p = p.fma(z, FloatVector.broadcast(S, -3.33332819422e-1f));
        FloatVector small = p.mul(z).fma(x, x);
        FloatVector big = FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(exp(a.mul(2f)).add(1f)));
        big = big.blend(big.neg(), x.compare(VectorOperators.LT, 0f));
        VectorMask<Float> isSmall = a.compare(VectorOperators.LT, 0.625f);
        FloatVector y = big.blend(small, isSmall);
        return y.blend(x, x.compare(VectorOperators.NE, x));
    }

    /** Σ lanes in lane order, in double. */
    static double sum(FloatVector v) {
        float[] lanes = v.toArray();
        double s = 0;
        for (float f : lanes) s += f;
        return s;
    }

    static { if (I.length() != S.length()) throw new AssertionError("int and float species differ in length"); }
}
