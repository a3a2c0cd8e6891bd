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
        return t.mul(z.mul(z).neg().add(p).lanewise(VectorOperators.EXP));
    }

    private static FloatVector phi(FloatVector x) {
        FloatVector e = erfcNonNeg(x.abs().mul(FloatUnary.SQRT1_2));
        VectorMask<Float> pos = x.compare(VectorOperators.GE, 0f);
        return e.mul(0.5f).blend(e.mul(-0.5f).add(1f), pos);
    }

    private static FloatVector sigmoid(FloatVector x) {
        // 1 / (1 + e^-x) is exact enough for both signs in float (e^-x → inf gives 0)
        return FloatVector.broadcast(S, 1f).div(x.neg().lanewise(VectorOperators.EXP).add(1f));
    }

    private static FloatVector geluTanhInner(FloatVector x) {
        return x.mul(x).mul(x).mul(0.044715f).add(x).mul(FloatUnary.GELU_TANH_C);
    }

    static void forward(Unary op, float[] a, int ia, float[] o, int io, int n) {
        int up = S.loopBound(n), j = 0;
        for (; j < up; j += L) {
            FloatVector x = FloatVector.fromArray(S, a, ia + j), y;
            switch (op) {
                case EXP: y = x.lanewise(VectorOperators.EXP); break;
                case TANH: y = x.lanewise(VectorOperators.TANH); break;
                case SIGMOID: y = sigmoid(x); break;
                case RELU: y = x.max(0f); break;
                case GELU: y = x.mul(phi(x)); break;
                case GELU_TANH: y = geluTanhInner(x).lanewise(VectorOperators.TANH).add(1f).mul(x).mul(0.5f); break;
                case SILU: y = x.mul(sigmoid(x)); break;
                default: throw new AssertionError(op);
            }
            y.intoArray(o, io + j);
        }
        if (j < n) FloatUnary.scalarForward(op, a, ia + j, o, io + j, n - j);
    }

    static void backward(Unary op, float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int n) {
        int up = S.loopBound(n), j = 0;
        for (; j < up; j += L) {
            FloatVector x = FloatVector.fromArray(S, xs, ix + j), d;
            switch (op) {
                case EXP: d = x.lanewise(VectorOperators.EXP); break;
                case TANH: { FloatVector t = x.lanewise(VectorOperators.TANH); d = t.mul(t).neg().add(1f); break; }
                case SIGMOID: { FloatVector s = sigmoid(x); d = s.mul(s.neg().add(1f)); break; }
                case RELU: d = FloatVector.zero(S).blend(1f, x.compare(VectorOperators.GT, 0f)); break;
                case GELU: d = x.mul(x).mul(-0.5f).lanewise(VectorOperators.EXP).mul(FloatUnary.INV_SQRT_2PI).mul(x).add(phi(x)); break;
                case GELU_TANH: {
                    FloatVector t = geluTanhInner(x).lanewise(VectorOperators.TANH);
                    FloatVector du = x.mul(x).mul(3f * 0.044715f).add(1f).mul(FloatUnary.GELU_TANH_C);
                    d = t.add(1f).mul(0.5f).add(x.mul(0.5f).mul(t.mul(t).neg().add(1f)).mul(du));
                    break;
                }
                case SILU: { FloatVector s = sigmoid(x); d = s.mul(x.mul(s.neg().add(1f)).add(1f)); break; }
                default: throw new AssertionError(op);
            }
            d.mul(FloatVector.fromArray(S, gy, ig + j)).intoArray(gx, io + j);
        }
        if (j < n) FloatUnary.scalarBackward(op, xs, ix + j, gy, ig + j, gx, io + j, n - j);
    }
}
