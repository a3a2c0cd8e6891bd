package dev.segue.core.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp and tanh built from exactly rounded lane-wise operations (add, mul, fma, compare, blend, shifts).
 * The Vector API's own {@code lanewise(EXP)} / {@code TANH} compute with Math.exp per lane while
 * interpreted and with Intel SVML once C2 has compiled the caller, which round differently in about 1%
 * of lanes (measured on JDK 17): results then depended on JIT timing, and the same seed no longer gave
 * the same bits from one process to the next. These formulas give the same bits in every execution mode.
 * Cephes' expf / tanhf (Moshier): Cody–Waite reduction and a degree-6 polynomial, max error ≈ 1–2 ulp.
 */
final class VectorMath {
    private VectorMath() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final float LOG2E = 1.44269504088896341f, C1 = 0.693359375f, C2 = -2.12194440e-4f;
    /** above: e^x overflows float; below: e^x is under the smallest normal, returned as 0 */
    private static final float HI = 88.3762626647949f, LO = -87.3365447505531f;
    /** 1.5·2²³: adding and subtracting rounds to the nearest integer with ties to even, exactly */
    private static final float ROUND = 12582912f;

    static FloatVector exp(FloatVector x) {
        VectorMask<Float> under = x.compare(VectorOperators.LT, LO), over = x.compare(VectorOperators.GT, HI);
        FloatVector xc = x.max(LO).min(HI);                     // NaN lanes stay NaN
        FloatVector n = xc.mul(LOG2E).add(ROUND).sub(ROUND);    // round(x·log2 e)
        FloatVector r = n.mul(-C1).add(xc).add(n.mul(-C2));     // x − n·ln 2 in two parts
        FloatVector z = r.mul(r);
        FloatVector p = r.mul(1.9875691500E-4f).add(1.3981999507E-3f);
        p = p.fma(r, FloatVector.broadcast(S, 8.3334519073E-3f));
        p = p.fma(r, FloatVector.broadcast(S, 4.1665795894E-2f));
        p = p.fma(r, FloatVector.broadcast(S, 1.6666665459E-1f));
        p = p.fma(r, FloatVector.broadcast(S, 5.0000001201E-1f));
        FloatVector y = p.fma(z, r).add(1f);
        // 2^n from the exponent bits; n ∈ [−126, 127] after the clamp (NaN converts to 0 and stays NaN through y)
        IntVector bits = ((IntVector) n.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
        FloatVector res = y.mul(bits.reinterpretAsFloats());
        return res.blend(0f, under).blend(Float.POSITIVE_INFINITY, over);
    }

    static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.abs();
        // |x| ≥ 0.625: 1 − 2/(e^{2|x|} + 1) with the sign of x (saturates to ±1, e^{2|x|} = inf gives 1)
        FloatVector big = FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(exp(ax.mul(2f)).add(1f)));
        big = big.blend(big.neg(), x.compare(VectorOperators.LT, 0f));
        // |x| < 0.625: odd polynomial
        FloatVector z = x.mul(x);
        FloatVector p = z.mul(-5.70498872745E-3f).add(2.06390887954E-2f);
        p = p.fma(z, FloatVector.broadcast(S, -5.37397155531E-2f));
        p = p.fma(z, FloatVector.broadcast(S, 1.33314422036E-1f));
        p = p.fma(z, FloatVector.broadcast(S, -3.33332819422E-1f));
        FloatVector small = p.mul(z).fma(x, x);
        return small.blend(big, ax.compare(VectorOperators.GE, 0.625f).or(x.compare(VectorOperators.NE, x)));
    }
}
