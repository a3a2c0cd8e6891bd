package dev.segue.nn;

import dev.segue.core.DType;
import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Grad;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Float64 finite-difference gradient checker. The scalar is L = Σ f(x)·u with a fixed random u (so
 * every output element matters); each input element is perturbed by ±eps (central differences) and
 * the numeric dL/dx compared with the analytic backward: max|analytic − numeric| / max(max|numeric|, 1)
 * must be ≤ tol for every differentiable input. Integer inputs (indices, masks) are passed through.
 */
public final class GradCheck {
    private GradCheck() {}

    public static final double EPS = 1e-6, TOL = 1e-6;

    /** Converts float inputs to F64 leaves that require a gradient; integer ones stay. */
    public static Tensor[] f64(Tensor... xs) {
        Tensor[] r = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++)
            r[i] = xs[i].dtype().isFloating() ? Tensor.of(xs[i].toDoubleArray(), xs[i].shape()).requiresGrad(true) : xs[i];
        return r;
    }

    /** Random F64 normal values. */
    public static Tensor randn(Rng rng, int... shape) { return Tensor.randn(rng, shape).to(DType.F64); }

    public static void check(String what, Function<Tensor[], Tensor> f, Tensor... inputs) { check(what, f, TOL, inputs); }

    public static void check(String what, Function<Tensor[], Tensor> f, double tol, Tensor... inputs) {
        Tensor[] xs = f64(inputs);
        Tensor y = f.apply(xs);
        Rng rng = new Rng(12345);
        Tensor u = randn(rng, y.shape());
        y.mul(u).sum().backward();
        for (int k = 0; k < xs.length; k++) {
            if (!xs[k].dtype().isFloating()) continue;
            Tensor g = xs[k].grad();
            double[] analytic = g == null ? new double[xs[k].numel()] : g.toDoubleArray();
            double[] base = xs[k].toDoubleArray();
            double[] numeric = new double[base.length];
            for (int i = 0; i < base.length; i++) {
                numeric[i] = (loss(f, xs, k, base, i, EPS, u) - loss(f, xs, k, base, i, -EPS, u)) / (2 * EPS);
            }
            double maxN = 1, maxD = 0;
            int worst = -1;
            for (int i = 0; i < base.length; i++) {
                maxN = Math.max(maxN, Math.abs(numeric[i]));
                double d = Math.abs(analytic[i] - numeric[i]);
                if (d > maxD) { maxD = d; worst = i; }
            }
            double err = maxD / maxN;
            String msg = what + ": input " + k + " gradient error " + err + (worst >= 0 ? " at " + worst + " (analytic " + analytic[worst] + ", numeric " + numeric[worst] + ")" : "");
            assertTrue(err <= tol, msg);
            if (g == null) {
                // a missing gradient is only acceptable if it really is zero
                for (double v : numeric) assertTrue(Math.abs(v) <= tol, what + ": input " + k + " got no gradient but the numeric one is nonzero");
            }
        }
        assertNotNull(y);
    }

    private static double loss(Function<Tensor[], Tensor> f, Tensor[] xs, int k, double[] base, int i, double delta, Tensor u) {
        double[] v = base.clone();
        v[i] += delta;
        Tensor[] args = xs.clone();
        args[k] = Tensor.of(v, xs[k].shape());
        try (Grad g = Grad.off()) {
            return f.apply(args).mul(u).sum().item();
        }
    }
}
