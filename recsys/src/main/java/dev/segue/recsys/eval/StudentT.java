package dev.segue.recsys.eval;

/**
 * Student's t distribution: the CDF through the regularised incomplete beta function (evaluated by its
 * continued fraction, Lentz's method) and the quantile by bisection. Enough for confidence intervals
 * and paired tests; accurate to ~1e-10.
 */
public final class StudentT {
    private StudentT() {}

    /** P(T ≤ t) for T with {@code df} degrees of freedom. */
    public static double cdf(double t, double df) {
        if (Double.isNaN(t)) return Double.NaN;
        if (Double.isInfinite(df)) return normalCdf(t);
        double x = df / (df + t * t);
        double tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** The q-quantile (0 < q < 1). */
    public static double quantile(double q, double df) {
        if (!(q > 0 && q < 1)) throw new IllegalArgumentException("quantile needs 0 < q < 1, got " + q);
        double lo = -1e3, hi = 1e3;
        for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid, df) < q) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** Two-sided p-value of an observed t statistic. */
    public static double twoSidedP(double t, double df) {
        return 2 * cdf(-Math.abs(t), df);
    }

    static double normalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** erfc by the continued fraction of the incomplete gamma function: erfc(x) = Q(1/2, x²) for x ≥ 0. */
    private static double erfc(double x) {
        if (x < 0) return 2 - erfc(-x);
        if (x == 0) return 1;
        return 1 - regularizedGammaP(0.5, x * x);
    }

    private static double regularizedGammaP(double a, double x) {
        double gln = logGamma(a);
        if (x < a + 1) {
            double sum = 1 / a, term = sum, ap = a;
            for (int n = 0; n < 1000; n++) {
                ap++;
                term *= x / ap;
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
            }
            return sum * Math.exp(-x + a * Math.log(x) - gln);
        }
        // continued fraction for Q, then P = 1 − Q
        double b = x + 1 - a, c = 1 / 1e-300, d = 1 / b, h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < 1e-300) d = 1e-300;
            c = b + an / c;
            if (Math.abs(c) < 1e-300) c = 1e-300;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-16) break;
        }
        return 1 - Math.exp(-x + a * Math.log(x) - gln) * h;
    }

    /** I_x(a, b). */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        // the continued fraction converges fast for x < (a+1)/(a+b+2); use the symmetry otherwise
        if (x < (a + 1) / (a + b + 2)) return front * betaFraction(x, a, b) / a;
        return 1 - front * betaFraction(1 - x, b, a) / b;
    }

    private static double betaFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        if (Math.abs(d) < tiny) d = tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m < 10000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
            c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
            c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) break;
        }
        return h;
    }

    /**
     * ln Γ(x) for x > 0: shifted up to x ≥ 15 by Γ(x) = Γ(x+1)/x, then Stirling's series to the x⁻⁹ term
     * (the next term is below 1e-14 there).
     */
    static double logGamma(double x) {
        if (!(x > 0)) throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
        double shift = 0;
        while (x < 15) {
            shift -= Math.log(x);
            x += 1;
        }
        double inv = 1 / x, inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 / 1188))));
        return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series;
    }
}
