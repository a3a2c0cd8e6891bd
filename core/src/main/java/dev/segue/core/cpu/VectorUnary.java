package dev.segue.core.cpu;

import dev.segue.core.Backend.Unary;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import static dev.segue.core.cpu.VectorMath.CHUNK;

/**
 * {@link FloatUnary} on the Vector API: the same formulas, lane-wise; tails take the scalar loops.
 * One method per op and direction, and no vector crosses a method boundary (see {@link VectorMath}):
 * an op that needs e^u first writes u for a chunk of at most {@link VectorMath#CHUNK} elements to a
 * scratch array, exponentiates it in place, then combines it with x in a last pass.
 */
final class VectorUnary {
    private VectorUnary() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    static void forward(Unary op, float[] a, int ia, float[] o, int io, int n) {
        int up = S.loopBound(n);
        switch (op) {
            case EXP: VectorMath.exp(a, ia, o, io, up); break;
            case TANH: VectorMath.tanh(a, ia, o, io, up); break;
            case SIGMOID: sigmoid(a, ia, o, io, up, false); break;
            case SILU: sigmoid(a, ia, o, io, up, true); break;
            case RELU: relu(a, ia, o, io, up); break;
            case GELU: gelu(a, ia, o, io, up); break;
            case GELU_TANH: geluTanh(a, ia, o, io, up); break;
            default: throw new AssertionError(op);
        }
        if (up < n) FloatUnary.scalarForward(op, a, ia + up, o, io + up, n - up);
    }

    static void backward(Unary op, float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int n) {
        int up = S.loopBound(n);
        switch (op) {
            case EXP: expBackward(xs, ix, gy, ig, gx, io, up); break;
            case TANH: tanhBackward(xs, ix, gy, ig, gx, io, up); break;
            case SIGMOID: sigmoidBackward(xs, ix, gy, ig, gx, io, up, false); break;
            case SILU: sigmoidBackward(xs, ix, gy, ig, gx, io, up, true); break;
            case RELU: reluBackward(xs, ix, gy, ig, gx, io, up); break;
            case GELU: geluBackward(xs, ix, gy, ig, gx, io, up); break;
            case GELU_TANH: geluTanhBackward(xs, ix, gy, ig, gx, io, up); break;
            default: throw new AssertionError(op);
        }
        if (up < n) FloatUnary.scalarBackward(op, xs, ix + up, gy, ig + up, gx, io + up, n - up);
    }

    /** Three chunk-sized scratch rows per thread, reused call after call (they stay in L1; no allocation per call). */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[3][CHUNK]);

    private static float[] scratch(int slot) { return SCRATCH.get()[slot]; }

    private static void relu(float[] a, int ia, float[] o, int io, int up) {
        for (int j = 0; j < up; j += L) FloatVector.fromArray(S, a, ia + j).max(0f).intoArray(o, io + j);
    }

    /** s[j] = σ(x[xo + j]) = 1 / (1 + e^−x) for j < m; exact enough for both signs in float (e^−x → inf gives 0). */
    private static void sigmoidChunk(float[] x, int xo, float[] s, int m) {
        for (int j = 0; j < m; j += L) FloatVector.fromArray(S, x, xo + j).neg().intoArray(s, j);
        VectorMath.expInPlace(s, 0, 0f, m);
        for (int j = 0; j < m; j += L) FloatVector.broadcast(S, 1f).div(FloatVector.fromArray(S, s, j).add(1f)).intoArray(s, j);
    }

    /** σ(x), or x·σ(x) (SiLU). */
    private static void sigmoid(float[] a, int ia, float[] o, int io, int up, boolean silu) {
        float[] sg = scratch(0);
        for (int c = 0; c < up; c += CHUNK) {
            int m = Math.min(CHUNK, up - c);
            sigmoidChunk(a, ia + c, sg, m);
            for (int j = 0; j < m; j += L) {
                FloatVector s = FloatVector.fromArray(S, sg, j);
                (silu ? FloatVector.fromArray(S, a, ia + c + j).mul(s) : s).intoArray(o, io + c + j);
            }
        }
    }

    /**
     * Pass 1 of the exact GELU: for z = |x|/√2, t = 1 / (1 + z/2) and u = −z² + P(t), so that
     * erfc(z) = t·e^u (Numerical Recipes' erfcc, the formula of {@link FloatUnary#erfcNonNeg}).
     */
    private static void erfcParts(float[] a, int ia, float[] t, float[] u, int m) {
        for (int j = 0; j < m; j += L) {
            FloatVector z = FloatVector.fromArray(S, a, ia + j).abs().mul(FloatUnary.SQRT1_2);
            FloatVector tt = FloatVector.broadcast(S, 1f).div(z.mul(0.5f).add(1f));
            FloatVector p = tt.mul(0.17087277f).add(-0.82215223f);
            p = p.fma(tt, FloatVector.broadcast(S, 1.48851587f));
            p = p.fma(tt, FloatVector.broadcast(S, -1.13520398f));
            p = p.fma(tt, FloatVector.broadcast(S, 0.27886807f));
            p = p.fma(tt, FloatVector.broadcast(S, -0.18628806f));
            p = p.fma(tt, FloatVector.broadcast(S, 0.09678418f));
            p = p.fma(tt, FloatVector.broadcast(S, 0.37409196f));
            p = p.fma(tt, FloatVector.broadcast(S, 1.00002368f));
            p = p.fma(tt, FloatVector.broadcast(S, -1.26551223f));
            tt.intoArray(t, j);
            z.mul(z).neg().add(p).intoArray(u, j);
        }
    }

    /** x·Φ(x), Φ(x) = erfc(|x|/√2)/2 for x < 0 and 1 − erfc(|x|/√2)/2 otherwise. */
    private static void gelu(float[] a, int ia, float[] o, int io, int up) {
        float[] t = scratch(0), u = scratch(1);
        for (int c = 0; c < up; c += CHUNK) {
            int m = Math.min(CHUNK, up - c);
            erfcParts(a, ia + c, t, u, m);
            VectorMath.expInPlace(u, 0, 0f, m);
            for (int j = 0; j < m; j += L) {
                FloatVector x = FloatVector.fromArray(S, a, ia + c + j);
                FloatVector e = FloatVector.fromArray(S, t, j).mul(FloatVector.fromArray(S, u, j));
                FloatVector phi = e.mul(0.5f).blend(e.mul(-0.5f).add(1f), x.compare(VectorOperators.GE, 0f));
                x.mul(phi).intoArray(o, io + c + j);
            }
        }
    }

    /** 0.5·x·(1 + tanh(c·(x + 0.044715·x³))). */
    private static void geluTanh(float[] a, int ia, float[] o, int io, int up) {
        float[] th = scratch(0);
        for (int c = 0; c < up; c += CHUNK) {
            int m = Math.min(CHUNK, up - c);
            geluTanhInner(a, ia + c, th, m);
            VectorMath.tanh(th, 0, th, 0, m);
            for (int j = 0; j < m; j += L)
                FloatVector.fromArray(S, th, j).add(1f).mul(FloatVector.fromArray(S, a, ia + c + j)).mul(0.5f).intoArray(o, io + c + j);
        }
    }

    private static void geluTanhInner(float[] a, int ia, float[] out, int m) {
        for (int j = 0; j < m; j += L) {
            FloatVector x = FloatVector.fromArray(S, a, ia + j);
            x.mul(x).mul(x).mul(0.044715f).add(x).mul(FloatUnary.GELU_TANH_C).intoArray(out, j);
        }
    }

    // each backward below forms d = dy/dx and stores d · gy (gx may be gy)

    private static void expBackward(float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int up) {
        float[] e = scratch(0);
        for (int c = 0; c < up; c += CHUNK) {
            int m = Math.min(CHUNK, up - c);
            VectorMath.exp(xs, ix + c, e, 0, m);
            for (int j = 0; j < m; j += L)
                FloatVector.fromArray(S, e, j).mul(FloatVector.fromArray(S, gy, ig + c + j)).intoArray(gx, io + c + j);
        }
    }

    private static void tanhBackward(float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int up) {
        float[] th = scratch(0);
        for (int c = 0; c < up; c += CHUNK) {
            int m = Math.min(CHUNK, up - c);
            VectorMath.tanh(xs, ix + c, th, 0, m);
            for (int j = 0; j < m; j += L) {
                FloatVector t = FloatVector.fromArray(S, th, j);
                t.mul(t).neg().add(1f).mul(FloatVector.fromArray(S, gy, ig + c + j)).intoArray(gx, io + c + j);
            }
        }
    }

    /** σ' = σ(1 − σ); SiLU' = σ·(x(1 − σ) + 1). */
    private static void sigmoidBackward(float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int up, boolean silu) {
        float[] sg = scratch(0);
        for (int c = 0; c < up; c += CHUNK) {
            int m = Math.min(CHUNK, up - c);
            sigmoidChunk(xs, ix + c, sg, m);
            for (int j = 0; j < m; j += L) {
                FloatVector s = FloatVector.fromArray(S, sg, j);
                FloatVector d = silu
                        ? s.mul(FloatVector.fromArray(S, xs, ix + c + j).mul(s.neg().add(1f)).add(1f))
                        : s.mul(s.neg().add(1f));
                d.mul(FloatVector.fromArray(S, gy, ig + c + j)).intoArray(gx, io + c + j);
            }
        }
    }

    private static void reluBackward(float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int up) {
        for (int j = 0; j < up; j += L) {
            FloatVector x = FloatVector.fromArray(S, xs, ix + j);
            FloatVector d = FloatVector.zero(S).blend(1f, x.compare(VectorOperators.GT, 0f));
            d.mul(FloatVector.fromArray(S, gy, ig + j)).intoArray(gx, io + j);
        }
    }

    /** GELU' = x·φ(x) + Φ(x), φ(x) = e^(−x²/2)/√(2π). */
    private static void geluBackward(float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int up) {
        float[] t = scratch(0), u = scratch(1), g = scratch(2);
        for (int c = 0; c < up; c += CHUNK) {
            int m = Math.min(CHUNK, up - c);
            erfcParts(xs, ix + c, t, u, m);
            for (int j = 0; j < m; j += L) {
                FloatVector x = FloatVector.fromArray(S, xs, ix + c + j);
                x.mul(x).mul(-0.5f).intoArray(g, j);
            }
            VectorMath.expInPlace(u, 0, 0f, m);
            VectorMath.expInPlace(g, 0, 0f, m);
            for (int j = 0; j < m; j += L) {
                FloatVector x = FloatVector.fromArray(S, xs, ix + c + j);
                FloatVector e = FloatVector.fromArray(S, t, j).mul(FloatVector.fromArray(S, u, j));
                FloatVector phi = e.mul(0.5f).blend(e.mul(-0.5f).add(1f), x.compare(VectorOperators.GE, 0f));
                FloatVector d = FloatVector.fromArray(S, g, j).mul(FloatUnary.INV_SQRT_2PI).mul(x).add(phi);
                d.mul(FloatVector.fromArray(S, gy, ig + c + j)).intoArray(gx, io + c + j);
            }
        }
    }

    private static void geluTanhBackward(float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int up) {
        float[] th = scratch(0);
        for (int c = 0; c < up; c += CHUNK) {
            int m = Math.min(CHUNK, up - c);
            geluTanhInner(xs, ix + c, th, m);
            VectorMath.tanh(th, 0, th, 0, m);
            for (int j = 0; j < m; j += L) {
                FloatVector x = FloatVector.fromArray(S, xs, ix + c + j), t = FloatVector.fromArray(S, th, j);
                FloatVector du = x.mul(x).mul(3f * 0.044715f).add(1f).mul(FloatUnary.GELU_TANH_C);
                FloatVector d = t.add(1f).mul(0.5f).add(x.mul(0.5f).mul(t.mul(t).neg().add(1f)).mul(du));
                d.mul(FloatVector.fromArray(S, gy, ig + c + j)).intoArray(gx, io + c + j);
            }
        }
    }
}
