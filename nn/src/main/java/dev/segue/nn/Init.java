package dev.segue.nn;

import dev.segue.core.Rng;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;

/**
 * Parameter initialisers drawing from the seeded {@link Rng} in row-major order; each overwrites the
 * tensor in place and returns it. Fans follow PyTorch: for a weight [out, in, k…], fan_in = in·∏k and
 * fan_out = out·∏k.
 */
public final class Init {
    private Init() {}

    public enum FanMode { FAN_IN, FAN_OUT }

    public static Tensor normal(Tensor t, double mean, double std, Rng rng) {
        double[] v = new double[t.numel()];
        for (int i = 0; i < v.length; i++) v[i] = mean + std * rng.nextGaussian();
        return set(t, v);
    }

    public static Tensor uniform(Tensor t, double low, double high, Rng rng) {
        double[] v = new double[t.numel()];
        for (int i = 0; i < v.length; i++) v[i] = low + (high - low) * rng.nextDouble();
        return set(t, v);
    }

    public static Tensor zeros(Tensor t) { return constant(t, 0); }

    public static Tensor ones(Tensor t) { return constant(t, 1); }

    public static Tensor constant(Tensor t, double value) {
        t.backend().fill(t, value);
        return t;
    }

    /** Glorot uniform: U(±gain·√(6/(fan_in+fan_out))). */
    public static Tensor xavierUniform(Tensor t, double gain, Rng rng) {
        int[] f = fans(t.shape());
        double a = gain * Math.sqrt(6.0 / (f[0] + f[1]));
        return uniform(t, -a, a, rng);
    }

    public static Tensor xavierNormal(Tensor t, double gain, Rng rng) {
        int[] f = fans(t.shape());
        return normal(t, 0, gain * Math.sqrt(2.0 / (f[0] + f[1])), rng);
    }

    /** He uniform: U(±gain·√(3/fan)) with gain √2 for ReLU (PyTorch's kaiming_uniform_ with a = 0). */
    public static Tensor kaimingUniform(Tensor t, FanMode mode, double gain, Rng rng) {
        int[] f = fans(t.shape());
        double a = gain * Math.sqrt(3.0 / (mode == FanMode.FAN_IN ? f[0] : f[1]));
        return uniform(t, -a, a, rng);
    }

    public static Tensor kaimingNormal(Tensor t, FanMode mode, double gain, Rng rng) {
        int[] f = fans(t.shape());
        return normal(t, 0, gain / Math.sqrt(mode == FanMode.FAN_IN ? f[0] : f[1]), rng);
    }

    /** {fan_in, fan_out} of a weight of at least two dims. */
    public static int[] fans(int[] shape) {
        if (shape.length < 2) throw new IllegalArgumentException("fan in/out need a weight of at least 2 dims, got " + Shape.str(shape));
        int receptive = 1;
        for (int i = 2; i < shape.length; i++) receptive *= shape[i];
        return new int[]{shape[1] * receptive, shape[0] * receptive};
    }

    private static Tensor set(Tensor t, double[] v) {
        Tensor src = Tensor.of(v, t.shape()).to(t.dtype());
        t.backend().copy(src, t);
        return t;
    }
}
