package dev.segue.core.autograd;

import dev.segue.core.DType;
import dev.segue.core.Rng;
import dev.segue.core.Tensor;

import java.util.function.Function;

/**
 * Finite-difference gradient check in float64. For L(x) = Σ f(x) ⊙ r with a fixed random r, compares
 * the analytic ∂L/∂x from backward() with central differences (L(x+h) − L(x−h)) / 2h per element.
 * Inputs are copied to float64; non-floating inputs (indices) are passed through unchanged.
 */
public final class GradCheck {
    private GradCheck() {}

    /** The worst error over all checked inputs: max |analytic − numeric| / max(1, max |numeric|). */
    public record Result(double maxError, int input, int element, double analytic, double numeric) {
        @Override public String toString() {
            return String.format("max error %.3e at input %d element %d (analytic %.9g, numeric %.9g)", maxError, input, element, analytic, numeric);
        }
    }

    public static Result check(Function<Tensor[], Tensor> f, long seed, Tensor... inputs) {
        return check(f, seed, 1e-6, inputs);
    }

    public static Result check(Function<Tensor[], Tensor> f, long seed, double h, Tensor... inputs) {
        Tensor[] x = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++)
            x[i] = inputs[i].dtype().isFloating() ? Tensor.of(inputs[i].toDoubleArray(), inputs[i].shape()) : inputs[i];
        Tensor y0;
        try (Grad g = Grad.off()) { y0 = f.apply(x); }
        Rng rng = new Rng(seed);
        double[] rv = new double[y0.numel()];
        for (int i = 0; i < rv.length; i++) rv[i] = rng.nextGaussian();
        Tensor r = Tensor.of(rv, y0.shape());

        for (Tensor t : x) if (t.dtype() == DType.F64) t.requiresGrad(true);
        f.apply(x).mul(r).sum().backward();

        Result worst = new Result(0, -1, -1, 0, 0);
        for (int i = 0; i < x.length; i++) {
            if (x[i].dtype() != DType.F64) continue;
            double[] base = x[i].toDoubleArray();
            double[] analytic = x[i].grad() == null ? new double[base.length] : x[i].grad().toDoubleArray();
            double[] numeric = new double[base.length];
            double maxNum = 0;
            for (int e = 0; e < base.length; e++) {
                numeric[e] = (loss(f, x, i, base, e, h, r) - loss(f, x, i, base, e, -h, r)) / (2 * h);
                maxNum = Math.max(maxNum, Math.abs(numeric[e]));
            }
            double scale = Math.max(1, maxNum);
            for (int e = 0; e < base.length; e++) {
                double err = Math.abs(analytic[e] - numeric[e]) / scale;
                if (!(err <= worst.maxError())) worst = new Result(err, i, e, analytic[e], numeric[e]);
            }
        }
        return worst;
    }

    private static double loss(Function<Tensor[], Tensor> f, Tensor[] x, int which, double[] base, int e, double h, Tensor r) {
        double[] p = base.clone();
        p[e] += h;
        Tensor[] xs = x.clone();
        xs[which] = Tensor.of(p, x[which].shape());
        try (Grad g = Grad.off()) {
            return f.apply(xs).mul(r).sum().item();
        }
    }
}
