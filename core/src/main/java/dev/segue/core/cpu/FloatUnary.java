package dev.segue.core.cpu;

import dev.segue.core.Backend.Unary;

/**
 * float32 forward and backward loops for the activations that dominate training time, over contiguous
 * runs. {@link VectorUnary} (Vector API) when the incubator module is present, else the scalar float
 * loops here; both implement the same formulas and are tested against the double-precision
 * {@link UnaryMath}. Ops not listed return false and take the generic path.
 */
final class FloatUnary {
    private FloatUnary() {}

    static final boolean VECTOR = RowKernels.VECTOR;

    static boolean supports(Unary op) {
        switch (op) {
            case EXP: case TANH: case SIGMOID: case RELU: case GELU: case GELU_TANH: case SILU: return true;
            default: return false;
        }
    }

    /**
     * Ops computed with exp or tanh run the scalar loops (Math.exp): the Vector API's lanewise EXP / TANH
     * use Math.exp per lane while interpreted and Intel SVML once C2 has compiled the caller, which round
     * differently in about 1% of lanes (JDK 17) — results then depended on JIT timing, and the same seed
     * no longer gave the same bits from one process to the next. Math.exp is the same stub in every mode.
     */
    private static boolean vectorDeterministic(Unary op) { return op == Unary.RELU; }

    /** o[io..io+n) = f(a[ia..ia+n)). */
    static void forward(Unary op, float[] a, int ia, float[] o, int io, int n) {
        if (VECTOR && vectorDeterministic(op)) VectorUnary.forward(op, a, ia, o, io, n); else scalarForward(op, a, ia, o, io, n);
    }

    /** gx = gy · f'(x), all contiguous runs. */
    static void backward(Unary op, float[] x, int ix, float[] gy, int ig, float[] gx, int io, int n) {
        if (VECTOR && vectorDeterministic(op)) VectorUnary.backward(op, x, ix, gy, ig, gx, io, n); else scalarBackward(op, x, ix, gy, ig, gx, io, n);
    }

    static final float SQRT1_2 = (float) Math.sqrt(0.5);
    static final float INV_SQRT_2PI = (float) (1 / Math.sqrt(2 * Math.PI));
    static final float GELU_TANH_C = (float) Math.sqrt(2 / Math.PI);

    /**
     * erfc(z) for z ≥ 0 by the Chebyshev-fitted formula of Numerical Recipes (erfcc): fractional error
     * below 1.2e-7 everywhere, i.e. at float32 precision.
     */
    static float erfcNonNeg(float z) {
        float t = 1f / (1f + 0.5f * z);
        float p = -0.82215223f + t * 0.17087277f;
        p = 1.48851587f + t * p;
        p = -1.13520398f + t * p;
        p = 0.27886807f + t * p;
        p = -0.18628806f + t * p;
        p = 0.09678418f + t * p;
        p = 0.37409196f + t * p;
        p = 1.00002368f + t * p;
        p = -1.26551223f + t * p;
        return t * (float) Math.exp(-z * z + p);
    }

    /** Φ(x) = P(N(0,1) ≤ x) = erfc(−x/√2)/2, via erfc of a non-negative argument on both sides. */
    static float phi(float x) {
        float e = erfcNonNeg(Math.abs(x) * SQRT1_2);
        return x >= 0 ? 1f - 0.5f * e : 0.5f * e;
    }

    static float sigmoid(float x) {
        if (x >= 0) return 1f / (1f + (float) Math.exp(-x));
        float e = (float) Math.exp(x);
        return e / (1f + e);
    }

    static void scalarForward(Unary op, float[] a, int ia, float[] o, int io, int n) {
        for (int j = 0; j < n; j++) {
            float x = a[ia + j], y;
            switch (op) {
                case EXP: y = (float) Math.exp(x); break;
                case TANH: y = (float) Math.tanh(x); break;
                case SIGMOID: y = sigmoid(x); break;
                case RELU: y = Math.max(x, 0f); break;
                case GELU: y = x * phi(x); break;
                case GELU_TANH: y = 0.5f * x * (1f + (float) Math.tanh(GELU_TANH_C * (x + 0.044715f * x * x * x))); break;
                case SILU: y = x * sigmoid(x); break;
                default: throw new AssertionError(op);
            }
            o[io + j] = y;
        }
    }

    static void scalarBackward(Unary op, float[] xs, int ix, float[] gy, int ig, float[] gx, int io, int n) {
        for (int j = 0; j < n; j++) {
            float x = xs[ix + j], d;
            switch (op) {
                case EXP: d = (float) Math.exp(x); break;
                case TANH: { float t = (float) Math.tanh(x); d = 1f - t * t; break; }
                case SIGMOID: { float s = sigmoid(x); d = s * (1f - s); break; }
                case RELU: d = x > 0 ? 1f : 0f; break;
                case GELU: d = phi(x) + x * INV_SQRT_2PI * (float) Math.exp(-0.5f * x * x); break;
                case GELU_TANH: {
                    float u = GELU_TANH_C * (x + 0.044715f * x * x * x);
                    float t = (float) Math.tanh(u);
                    d = 0.5f * (1f + t) + 0.5f * x * (1f - t * t) * GELU_TANH_C * (1f + 3f * 0.044715f * x * x);
                    break;
                }
                case SILU: { float s = sigmoid(x); d = s * (1f + x * (1f - s)); break; }
                default: throw new AssertionError(op);
            }
            gx[io + j] = gy[ig + j] * d;
        }
    }
}
