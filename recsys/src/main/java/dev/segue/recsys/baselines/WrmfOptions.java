package dev.segue.recsys.baselines;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of implicit-feedback ALS. Defaults are the RTA reference code's ({@code implicit} 0.6.1
 * {@code AlternatingLeastSquares(factors=128, regularization=12, iterations=10, use_cg=True)} on the
 * binary playlist × track matrix): 128 factors, λ 12, 10 iterations, 3 conjugate-gradient steps per row
 * solve (Takács et al.; implicit's default), and α 0 here. Segue weighs observed cells by
 * c = 1 + α·r (Hu et al.); implicit uses the matrix value times its own alpha as the confidence, so its
 * default alpha 1 on a binary matrix gives observed cells weight 1, which is α = 0 in Segue's form
 * (α = 1 here would double their weight). Deviation: factors start N(0, 0.01²) (implicit: uniform on
 * [0, 0.01) on CPU, ±0.5/factors on GPU).
 * {@code exact} replaces CG by a Cholesky solve of the normal equations (slow; for checks).
 */
public record WrmfOptions(int factors, double lambda, double alpha, int iterations, int cgSteps, boolean exact, double initStd, long seed) {

    public WrmfOptions {
        if (factors <= 0) throw new IllegalArgumentException("wrmf: factors must be positive, got " + factors);
        if (lambda < 0 || alpha < 0) throw new IllegalArgumentException("wrmf: lambda and alpha must be >= 0, got " + lambda + ", " + alpha);
        if (iterations < 0 || cgSteps <= 0) throw new IllegalArgumentException("wrmf: iterations >= 0 and cg steps > 0, got " + iterations + ", " + cgSteps);
    }

    public static WrmfOptions defaults() { return new WrmfOptions(128, 12.0, 0.0, 10, 3, false, 0.01, 1); }

    public WrmfOptions withFactors(int f) { return new WrmfOptions(f, lambda, alpha, iterations, cgSteps, exact, initStd, seed); }
    public WrmfOptions withIterations(int n) { return new WrmfOptions(factors, lambda, alpha, n, cgSteps, exact, initStd, seed); }
    public WrmfOptions withCgSteps(int n) { return new WrmfOptions(factors, lambda, alpha, iterations, n, exact, initStd, seed); }
    public WrmfOptions withExact(boolean e) { return new WrmfOptions(factors, lambda, alpha, iterations, cgSteps, e, initStd, seed); }
    public WrmfOptions withRegularization(double l, double a) { return new WrmfOptions(factors, l, a, iterations, cgSteps, exact, initStd, seed); }
    public WrmfOptions withSeed(long s) { return new WrmfOptions(factors, lambda, alpha, iterations, cgSteps, exact, initStd, s); }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("factors", factors);
        m.put("lambda", lambda);
        m.put("alpha", alpha);
        m.put("iterations", iterations);
        m.put("cg_steps", cgSteps);
        m.put("exact", exact);
        m.put("init_std", initStd);
        m.put("seed", seed);
        return m;
    }
}
