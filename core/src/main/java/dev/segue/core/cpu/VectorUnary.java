package dev.segue.core.cpu;

import dev.segue.core.Backend.Unary;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link FloatUnary} on the Vector API: the same formulas, lane-wise; tails take the scalar loops. */
final class VectorUnary {
    private VectorUnary() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** erfc(z) for z ≥ 0 lane-wise (the formula of {@link FloatUnary#erfcNonNeg}). */
    private static FloatVector erfcNonNeg(FloatVector z) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector t = one.div(z.mul(0.5f).add(1f));
        FloatVector p = t.mul(0.17087277f).add(-0.82215223f);
        p = p.fma(t, FloatVector.broadcast(S, 1.48851587f));
        p = p.fma(t, FloatVector.broadcast(S, -1.13520398f));
        p = p.fma(t, FloatVector.broadcast(S, 0.27886807f));
        p = p.fma(t, FloatVector.broadcast(S, -0.18628806f));
        p = p.fma(t, FloatVector.broadcast(S, 0.09678418f));
        p = p.fma(t, FloatVector.broadcast(S, 0.37409196f));
        p = p.fma(t, FloatVector.broadcast(S, 1.00002368f));
        p = p.fma(t, FloatVector.broadcast(S, -1.26551223f));
        return t.mul(VectorMath.exp(z.mul(z).neg().add(p)));
    }

    private static FloatVector phi(FloatVector x) {
        FloatVector e = erfcNonNeg(x.abs().mul(FloatUnary.SQRT1_2));
        VectorMask<Float> pos = x.compare(VectorOperators.GE, 0f);
        return e.mul(0.5f).blend(e.mul(-0.5f).add(1f), pos);
    }

    private static FloatVector sigmoid(FloatVector x) {
        // 1 / (1 + e^-x) is exact enough for both signs in float (e^-x → inf gives 0)
        return FloatVector.broadcast(S, 1f).div(VectorMath.exp(x.neg()).add(1f));
    }

    private static FloatVector geluTanhInner(FloatVector x) {
        return x.mul(x).mul(x).mul(0.044715f).add(x).mul(FloatUnary.GELU_TANH_C);
    }

    /*
     * One loop per op, each in its own small method: with every op's vector code in one loop body the
     * method outgrew C2's inlining budget, VectorMath.exp was left as an out-of-line call whose vector
     * argument has no statically known shape, and its bit reinterpretation ran the Vector API's Java
     * fallback (45% of an XLNet layer's time in AbstractVector.convert0). Small loops inline fully.
     */
    static void forward(Unary op, float[] a, int ia, float[] o, int io, int n) {
        int up = S.loopBound(n);
        switch (op) {
            case EXP: expLoop(a, ia, o, io, up); break;
            case TANH: tanhLoop(a, ia, o, io, up); break;
            case SIGMOID: sigmoidLoop(a, ia, o, io, up); break;
            case RELU: reluLoop(a, ia, o, io, up); break;
            case GELU: geluLoop(a, ia, o, io, up); break;
            case GELU_TANH: geluTanhLoop(a, ia, o, io, up); break;
            case SILU: siluLoop(a, ia, o, io, up); break;
            default: throw new AssertionError(op);
        }
        if (up < n) FloatUnary.scalarForward(op, a, ia + up, o, io + up, n - up);
    }

    private static void expLoop(float[] a, int ia, float[] o, int io, int up) {
        for (int j = 0; j < up; j += L) VectorMath.exp(FloatVector.fromArray(S, a, ia + j)).intoArray(o, io + j);
    }

    private static void tanhLoop(float[] a, int ia, float[] o, int io, int up) {
        for (int j = 0; j < up; j += L) VectorMath.tanh(FloatVector.fromArray(S, a, ia + j)).intoArray(o, io + j);
    }

    private static void sigmoidLoop(float[] a, int ia, float[] o, int io, int up) {
        for (int j = 0; j < up; j += L) sigmoid(FloatVector.fromArray(S, a, ia + j)).intoArray(o, io + j);
    }

    private static void reluLoop(float[] a, int ia, float[] o, int io, int up) {
        for (int j = 0; j < up; j += L) FloatVector.fromArray(S, a, ia + j).max(0f).intoArray(o, io + j);
    }

    private static void geluLoop(float[] a, int ia, float[] o, int io, int up) {
        for (int j = 0; j < up; j += L) {
            FloatVector x = FloatVector.fromArray(S, a, ia + j);
            x.mul(phi(x)).intoArray(o, io + j);
        }
    }

    private static void geluTanhLoop(float[] a, int ia, float[] o, int io, int up) {
        for (int j = 0; j < up; j += L) {
            FloatVector x = FloatVector.fromArray(S, a, ia + j);
            VectorMath.tanh(geluTanhInner(x)).add(1f).mul(x).mul(0.5f).intoArray(o, io + j);
        }
    }

    private static void siluLoop(float[] a, int ia, float[] o, int io, int up) {
        for (int j = 0; j < up; j += L) {
            FloatVector x = FloatVector.fromArray(S, a, ia + j);
            x.mul(sigmoid(x)).intoArray(o, io + j);
        }
    }

    static void backward(Unary op, float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int n) {
        int up = S.loopBound(n);
        switch (op) {
            case EXP: expBackward(xs, ix, gy, ig, gx, io, up); break;
            case TANH: tanhBackward(xs, ix, gy, ig, gx, io, up); break;
            case SIGMOID: sigmoidBackward(xs, ix, gy, ig, gx, io, up); break;
            case RELU: reluBackward(xs, ix, gy, ig, gx, io, up); break;
            case GELU: geluBackward(xs, ix, gy, ig, gx, io, up); break;
            case GELU_TANH: geluTanhBackward(xs, ix, gy, ig, gx, io, up); break;
            case SILU: siluBackward(xs, ix, gy, ig, gx, io, up); break;
            default: throw new AssertionError(op);
        }
        if (up < n) FloatUnary.scalarBackward(op, xs, ix + up, gy, ig + up, gx, io + up, n - up);
    }

    // each d(x) below is dy/dx; the loops store d · gy

    private static void expBackward(float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int up) {
        for (int j = 0; j < up; j += L) {
            FloatVector d = VectorMath.exp(FloatVector.fromArray(S, xs, ix + j));
            d.mul(FloatVector.fromArray(S, gy, ig + j)).intoArray(gx, io + j);
        }
    }

    private static void tanhBackward(float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int up) {
        for (int j = 0; j < up; j += L) {
            FloatVector t = VectorMath.tanh(FloatVector.fromArray(S, xs, ix + j));
            FloatVector d = t.mul(t).neg().add(1f);
            d.mul(FloatVector.fromArray(S, gy, ig + j)).intoArray(gx, io + j);
        }
    }

    private static void sigmoidBackward(float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int up) {
        for (int j = 0; j < up; j += L) {
            FloatVector s = sigmoid(FloatVector.fromArray(S, xs, ix + j));
            FloatVector d = s.mul(s.neg().add(1f));
            d.mul(FloatVector.fromArray(S, gy, ig + j)).intoArray(gx, io + j);
        }
    }

    private static void reluBackward(float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int up) {
        for (int j = 0; j < up; j += L) {
            FloatVector x = FloatVector.fromArray(S, xs, ix + j);
            FloatVector d = FloatVector.zero(S).blend(1f, x.compare(VectorOperators.GT, 0f));
            d.mul(FloatVector.fromArray(S, gy, ig + j)).intoArray(gx, io + j);
        }
    }

    private static void geluBackward(float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int up) {
        for (int j = 0; j < up; j += L) {
            FloatVector x = FloatVector.fromArray(S, xs, ix + j);
            FloatVector d = VectorMath.exp(x.mul(x).mul(-0.5f)).mul(FloatUnary.INV_SQRT_2PI).mul(x).add(phi(x));
            d.mul(FloatVector.fromArray(S, gy, ig + j)).intoArray(gx, io + j);
        }
    }

    private static void geluTanhBackward(float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int up) {
        for (int j = 0; j < up; j += L) {
            FloatVector x = FloatVector.fromArray(S, xs, ix + j);
            FloatVector t = VectorMath.tanh(geluTanhInner(x));
            FloatVector du = x.mul(x).mul(3f * 0.044715f).add(1f).mul(FloatUnary.GELU_TANH_C);
            FloatVector d = t.add(1f).mul(0.5f).add(x.mul(0.5f).mul(t.mul(t).neg().add(1f)).mul(du));
            d.mul(FloatVector.fromArray(S, gy, ig + j)).intoArray(gx, io + j);
        }
    }

    private static void siluBackward(float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int up) {
        for (int j = 0; j < up; j += L) {
            FloatVector x = FloatVector.fromArray(S, xs, ix + j);
            FloatVector s = sigmoid(x);
            FloatVector d = s.mul(x.mul(s.neg().add(1f)).add(1f));
            d.mul(FloatVector.fromArray(S, gy, ig + j)).intoArray(gx, io + j);
        }
    }
}
