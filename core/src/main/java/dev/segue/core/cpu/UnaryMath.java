package dev.segue.core.cpu;

import dev.segue.core.Backend.Unary;

/** Scalar definitions of the unary ops and their derivatives, in double precision (PyTorch semantics). */
final class UnaryMath {
    private UnaryMath() {}

    static final double SQRT_2 = Math.sqrt(2.0);
    static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);
    static final double GELU_TANH_C = Math.sqrt(2 / Math.PI);

    static double apply(Unary op, double x, double p1, double p2) {
        switch (op) {
            case NEG: return -x;
            case EXP: return Math.exp(x);
            case LOG: return Math.log(x);
            case SQRT: return Math.sqrt(x);
            case RSQRT: return 1 / Math.sqrt(x);
            case ABS: return Math.abs(x);
            case SIGN: return Math.signum(x);
            case TANH: return Math.tanh(x);
            case SIGMOID: return sigmoid(x);
            case RELU: return x > 0 ? x : (x == x ? 0 : x);
            case GELU: return 0.5 * x * (1 + erf(x / SQRT_2));
            case GELU_TANH: return 0.5 * x * (1 + Math.tanh(GELU_TANH_C * (x + 0.044715 * x * x * x)));
            case SILU: return x * sigmoid(x);
            case SOFTPLUS: return x > 20 ? x : Math.log1p(Math.exp(x));
            case LOGSIGMOID: return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
            case POW: return Math.pow(x, p1);
            case CLAMP: return x < p1 ? p1 : (x > p2 ? p2 : x);
            case AFFINE: return p1 * x + p2;
            case SQUARE: return x * x;
            case RECIPROCAL: return 1 / x;
            case ERF: return erf(x);
            default: throw new AssertionError(op);
        }
    }

    /** d f / d x at x (y = f(x) given for convenience). */
    static double derivative(Unary op, double x, double y, double p1, double p2) {
        switch (op) {
            case NEG: return -1;
            case EXP: return y;
            case LOG: return 1 / x;
            case SQRT: return 0.5 / y;
            case RSQRT: return -0.5 * y / x;
            case ABS: return Math.signum(x);
            case SIGN: return 0;
            case TANH: return 1 - y * y;
            case SIGMOID: return y * (1 - y);
            case RELU: return x > 0 ? 1 : 0;
            case GELU: return 0.5 * (1 + erf(x / SQRT_2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
            case GELU_TANH: {
                double u = GELU_TANH_C * (x + 0.044715 * x * x * x);
                double t = Math.tanh(u);
                double du = GELU_TANH_C * (1 + 3 * 0.044715 * x * x);
                return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du;
            }
            case SILU: { double s = sigmoid(x); return s * (1 + x * (1 - s)); }
            case SOFTPLUS: return x > 20 ? 1 : sigmoid(x);
            case LOGSIGMOID: return sigmoid(-x);
            case POW: return p1 == 0 ? 0 : p1 * Math.pow(x, p1 - 1);
            case CLAMP: return (x >= p1 && x <= p2) ? 1 : 0;
            case AFFINE: return p1;
            case SQUARE: return 2 * x;
            case RECIPROCAL: return -y * y;
            case ERF: return 2 / Math.sqrt(Math.PI) * Math.exp(-x * x);
            default: throw new AssertionError(op);
        }
    }

    static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /**
     * erf to full double precision: the Taylor series for |x| < 2.5 (terms alternate and shrink fast there)
     * and the continued fraction of erfc above.
     */
    static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        double r;
        if (ax < 2.5) {
            // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1))
            double term = ax, sum = ax, x2 = ax * ax;
            for (int n = 1; n < 200; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else if (ax > 6) {
            r = 1;
        } else {
            // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + 2/(x + ...)))))  (Lentz)
            double tiny = 1e-300;
            double f = ax, c = ax, d = 0;
            for (int n = 1; n < 300; n++) {
                double an = n / 2.0;
                d = ax + an * d;
                d = d == 0 ? tiny : d;
                c = ax + an / c;
                c = c == 0 ? tiny : c;
                d = 1 / d;
                double delta = c * d;
                f *= delta;
                if (Math.abs(delta - 1) < 1e-16) break;
            }
            r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
        }
        return x < 0 ? -r : r;
    }
}
