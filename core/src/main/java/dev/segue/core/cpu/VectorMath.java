package dev.segue.core.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane-wise math built from IEEE add, mul, fma and bit operations only, so a result is the same
 * whether the code runs interpreted, in C1 or in C2. The Vector API's own EXP/TANH and
 * {@code reduceLanes(ADD)} may differ between those modes (an intrinsic vs a Java fallback, an
 * unspecified summation order), which would break bit-for-bit reproducibility of a run.
 *
 * <p>Every method takes arrays, never vectors: a vector value must not cross a method boundary. When
 * C2 compiles a helper with a vector parameter on its own (it is hot before the loop calling it is
 * compiled, then "already compiled into a big method" keeps it from being inlined), the vector's concrete
 * class is unknown inside it and the Vector API falls back to its Java implementation for reinterpret,
 * blend and store — 45 % of an XLNet layer's time on JDK 17, and still a blend fallback in GELU on JDK 25.
 * Inside these methods every vector comes from {@code fromArray} with the constant species, so its
 * class is always known. Callers compose them in passes over a small chunk (L1-resident scratch).
 */
final class VectorMath {
    private VectorMath() {}

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Scratch chunk length of the multi-pass kernels (a multiple of every lane count; 4 KiB of floats). */
    static final int CHUNK = 1024;

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f, LN2_LO = -2.12194440e-4f;
    /** 1.5·2^23: adding it rounds a float of magnitude below 2^22 to an integer (round half to even). */
    private static final float ROUNDER = 12582912f;

    /**
     * buf[off + i] = e^(buf[off + i] − shift) for i < up (a multiple of {@link #L}), with |relative error|
     * below 2e-7: y = x − shift = n·ln2 + r (|r| ≤ ln2/2, Cody–Waite split of ln2), e^r by its Taylor
     * polynomial to degree 7, times 2^n assembled in the exponent bits (in two factors, so overflow to +inf
     * and gradual underflow to subnormals and 0 come out right); NaN stays NaN.
     */
    static void expInPlace(float[] buf, int off, float shift, int up) { expSum(buf, off, buf, off, shift, up, null); }

    /**
     * dst[d0 + i] = e^(src[s0 + i] − shift) for i < up (a multiple of {@link #L}); dst may be src, or null to
     * store nothing. With {@code lanes} (length L) non-null, it receives the lane-wise sums of the values, added
     * in index order (the same bits as summing the stored values afterwards): softmax in one pass instead of three.
     */
    static void expSum(float[] src, int s0, float[] dst, int d0, float shift, int up, float[] lanes) {
        FloatVector vShift = FloatVector.broadcast(S, shift), acc = FloatVector.zero(S);
        FloatVector lo = FloatVector.broadcast(S, -104f), hi = FloatVector.broadcast(S, 89f);
        FloatVector log2e = FloatVector.broadcast(S, LOG2E), rounder = FloatVector.broadcast(S, ROUNDER);
        FloatVector ln2Hi = FloatVector.broadcast(S, -LN2_HI), ln2Lo = FloatVector.broadcast(S, -LN2_LO);
        for (int j = 0; j < up; j += L) {
            FloatVector x = FloatVector.fromArray(S, src, s0 + j).sub(vShift);
            // clamp to [−104, 89] (e^-104 rounds to 0, e^89 to +inf) by compare and blend: max/min with
            // Java's NaN and −0 rules cost several instructions each; a NaN fails both compares, stays NaN
            // through every step below and so comes out NaN without a blend of its own
            FloatVector xc = x.blend(lo, x.compare(VectorOperators.LT, lo));
            xc = xc.blend(hi, xc.compare(VectorOperators.GT, hi));
            FloatVector t = xc.fma(log2e, rounder);                   // n = round(x·log2 e), any rounding works
            FloatVector n = t.sub(rounder);
            FloatVector r = n.fma(ln2Hi, xc);                          // exact: n·LN2_HI has few bits
            r = n.fma(ln2Lo, r);
            FloatVector p = FloatVector.broadcast(S, 1f / 5040f);
            p = p.fma(r, FloatVector.broadcast(S, 1f / 720f));
            p = p.fma(r, FloatVector.broadcast(S, 1f / 120f));
            p = p.fma(r, FloatVector.broadcast(S, 1f / 24f));
            p = p.fma(r, FloatVector.broadcast(S, 1f / 6f));
            p = p.fma(r, FloatVector.broadcast(S, 0.5f));
            p = p.fma(r, FloatVector.broadcast(S, 1f));
            p = p.fma(r, FloatVector.broadcast(S, 1f));
            // 2^n as 2^n1 · 2^n2 with n1 = ⌊n/2⌋: each factor is a normal float for n in [−150, 128]
            IntVector ni = t.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUNDER));
            IntVector n1 = ni.lanewise(VectorOperators.ASHR, 1), n2 = ni.sub(n1);
            FloatVector s1 = n1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s2 = n2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = p.mul(s1).mul(s2);
            if (dst != null) e.intoArray(dst, d0 + j);
            acc = acc.add(e);
        }
        if (lanes != null) acc.intoArray(lanes, 0);
    }

    /** dst[d0 + i] = e^(src[s0 + i]) for i < up (a multiple of {@link #L}); dst may be src. */
    static void exp(float[] src, int s0, float[] dst, int d0, int up) {
        if (src != dst || s0 != d0) System.arraycopy(src, s0, dst, d0, up);
        expInPlace(dst, d0, 0f, up);
    }

    /**
     * dst = tanh(src) for up (a multiple of {@link #L}) elements, dst may be src: an odd Taylor polynomial
     * for |x| < 0.5 (no cancellation near 0), else sign(x)·(1 − e)/(1 + e) with e = e^(−2|x|).
     */
    static void tanh(float[] src, int s0, float[] dst, int d0, int up) {
        float[] e = new float[Math.min(up, CHUNK)];
        for (int c = 0; c < up; c += CHUNK) {
            int m = Math.min(CHUNK, up - c);
            for (int j = 0; j < m; j += L) FloatVector.fromArray(S, src, s0 + c + j).abs().mul(-2f).intoArray(e, j);
            expInPlace(e, 0, 0f, m);
            for (int j = 0; j < m; j += L) {
                FloatVector x = FloatVector.fromArray(S, src, s0 + c + j), ex = FloatVector.fromArray(S, e, j);
                FloatVector big = ex.neg().add(1f).div(ex.add(1f));
                big = big.blend(big.neg(), x.compare(VectorOperators.LT, 0f));
                FloatVector x2 = x.mul(x);
                FloatVector p = FloatVector.broadcast(S, 6404582f / 10854718875f);
                p = p.fma(x2, FloatVector.broadcast(S, -929569f / 638512875f));
                p = p.fma(x2, FloatVector.broadcast(S, 21844f / 6081075f));
                p = p.fma(x2, FloatVector.broadcast(S, -1382f / 155925f));
                p = p.fma(x2, FloatVector.broadcast(S, 62f / 2835f));
                p = p.fma(x2, FloatVector.broadcast(S, -17f / 315f));
                p = p.fma(x2, FloatVector.broadcast(S, 2f / 15f));
                p = p.fma(x2, FloatVector.broadcast(S, -1f / 3f));
                p = p.fma(x2, FloatVector.broadcast(S, 1f));
                big.blend(p.mul(x), x.abs().compare(VectorOperators.LT, 0.5f)).intoArray(dst, d0 + c + j);
            }
        }
    }

    /**
     * Σ of {@code lanes} (a vector's lanes stored with {@code intoArray}) in double, in a fixed order — unlike
     * {@code reduceLanes(ADD)}, whose order may differ between the interpreter and C2. Pairwise (lane 2i + lane
     * 2i+1, then pairs of those, …) so that the adds do not wait on each other: a 128-long dot product spent more
     * time in a 16-add chain here than in its 8 vector FMAs.
     */
    static double sum(float[] lanes) {
        int n = lanes.length;
        if (n == 16) {
            return ((((double) lanes[0] + lanes[1]) + ((double) lanes[2] + lanes[3])) + (((double) lanes[4] + lanes[5]) + ((double) lanes[6] + lanes[7])))
                    + ((((double) lanes[8] + lanes[9]) + ((double) lanes[10] + lanes[11])) + (((double) lanes[12] + lanes[13]) + ((double) lanes[14] + lanes[15])));
        }
        if (n == 8) {
            return (((double) lanes[0] + lanes[1]) + ((double) lanes[2] + lanes[3])) + (((double) lanes[4] + lanes[5]) + ((double) lanes[6] + lanes[7]));
        }
        double s = 0;
        for (float f : lanes) s += f;
        return s;
    }
}
