package dev.segue.nn;

import dev.segue.core.DType;
import dev.segue.core.Rng;
import dev.segue.core.Tensor;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layer tests' front end to the engine's float64 finite-difference checker
 * ({@link dev.segue.core.autograd.GradCheck}): L = Σ f(x)·u with a fixed random u, central differences
 * per input element, max|analytic − numeric| / max(max|numeric|, 1) ≤ tol for every float input.
 */
public final class GradCheck {
    private GradCheck() {}

    public static final double EPS = 1e-6, TOL = 1e-6;

    /** Random F64 normal values. */
    public static Tensor randn(Rng rng, int... shape) { return Tensor.randn(rng, shape).to(DType.F64); }

    public static void check(String what, Function<Tensor[], Tensor> f, Tensor... inputs) { check(what, f, TOL, inputs); }

    public static void check(String what, Function<Tensor[], Tensor> f, double tol, Tensor... inputs) {
        dev.segue.core.autograd.GradCheck.Result r = dev.segue.core.autograd.GradCheck.check(f, 12345, EPS, inputs);
        assertTrue(r.maxError() <= tol, what + ": " + r);
    }
}
