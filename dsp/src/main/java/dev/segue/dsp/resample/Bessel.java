package dev.segue.dsp.resample;

/** Modified Bessel function of the first kind, order 0 (for Kaiser windows). */
final class Bessel {
    private Bessel() {}

    /** Power series sum (x/2)^(2k) / (k!)^2; converges for all x, to full double precision for the betas used here (< 30). */
    static double i0(double x) {
        double q = x * x / 4, term = 1, sum = 1;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum;
    }

    /** Kaiser window value at t in [-1, 1] (0 outside). */
    static double kaiser(double t, double beta, double i0beta) {
        double a = 1 - t * t;
        return a <= 0 ? (a == 0 ? 1 / i0beta : 0) : i0(beta * Math.sqrt(a)) / i0beta;
    }
}
