package dev.segue.core.cpu;

import dev.segue.core.Backend.Unary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The float32 activation loops (vector and scalar) against the double-precision definitions. */
class FloatUnaryTest {

    @ParameterizedTest
    @EnumSource(value = Unary.class, names = {"EXP", "TANH", "SIGMOID", "RELU", "GELU", "GELU_TANH", "SILU"})
    void forwardAndBackwardMatchDoubleMath(Unary op) {
        int n = 4001;                       // not a multiple of the lane count: the tail is exercised
        float[] x = new float[n], g = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = -12f + 24f * i / (n - 1);   // covers both signs, the erfc switch-over and saturation
            g[i] = 0.5f + (i % 7) * 0.25f;
        }
        if (op == Unary.EXP) for (int i = 0; i < n; i++) x[i] *= 0.5f;
        float[][] fwd = {new float[n], new float[n]}, bwd = {new float[n], new float[n]};
        FloatUnary.scalarForward(op, x, 0, fwd[0], 0, n);
        VectorUnary.forward(op, x, 0, fwd[1], 0, n);
        FloatUnary.scalarBackward(op, x, 0, g, 0, bwd[0], 0, n);
        VectorUnary.backward(op, x, 0, g, 0, bwd[1], 0, n);
        for (int impl = 0; impl < 2; impl++) {
            double maxF = 0, maxB = 0, refF = 0, refB = 0;
            for (int i = 0; i < n; i++) {
                double y = UnaryMath.apply(op, x[i], 0, 0);
                double d = g[i] * UnaryMath.derivative(op, x[i], y, 0, 0);
                maxF = Math.max(maxF, Math.abs(fwd[impl][i] - y));
                maxB = Math.max(maxB, Math.abs(bwd[impl][i] - d));
                refF = Math.max(refF, Math.abs(y));
                refB = Math.max(refB, Math.abs(d));
            }
            // peak-relative error (the fixtures' metric): float32 cancellation in e.g. 1 − tanh² near
            // saturation is the same in PyTorch, so a per-element relative error would be meaningless there
            maxF /= refF;
            maxB /= refB;
            String who = op + (impl == 0 ? " scalar" : " vector");
            assertTrue(maxF < 1e-6, who + " forward rel err " + maxF);
            assertTrue(maxB < 2e-6, who + " backward rel err " + maxB);
        }
    }

    /** The chunked vector loops at an offset, in place (out = in, gx = gy), equal the out-of-place results bit for bit. */
    @ParameterizedTest
    @EnumSource(value = Unary.class, names = {"EXP", "TANH", "SIGMOID", "RELU", "GELU", "GELU_TANH", "SILU"})
    void inPlaceAtAnOffsetEqualsOutOfPlace(Unary op) {
        int n = 2 * 1024 + 37, off = 5;
        float[] x = new float[n + off], g = new float[n + off];
        for (int i = 0; i < n + off; i++) { x[i] = (float) Math.sin(i * 0.11) * 6f; g[i] = (float) Math.cos(i * 0.05); }
        float[] y = new float[n], gx = new float[n];
        VectorUnary.forward(op, x, off, y, 0, n);
        VectorUnary.backward(op, x, off, g, off, gx, 0, n);
        float[] inPlace = x.clone(), gInPlace = g.clone();
        VectorUnary.backward(op, x, off, gInPlace, off, gInPlace, off, n);
        VectorUnary.forward(op, inPlace, off, inPlace, off, n);
        for (int i = 0; i < n; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(Float.floatToRawIntBits(y[i]), Float.floatToRawIntBits(inPlace[off + i]), op + " forward at " + i);
            org.junit.jupiter.api.Assertions.assertEquals(Float.floatToRawIntBits(gx[i]), Float.floatToRawIntBits(gInPlace[off + i]), op + " backward at " + i);
        }
    }
}
