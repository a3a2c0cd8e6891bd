package dev.segue.nn;

import dev.segue.core.DType;
import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.ops.Convolution;
import dev.segue.core.ops.Pooling;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The im2col convolution and window pooling against direct naive loops in double, over many odd configurations. */
class ConvolutionReferenceTest {

    /** Direct convolution: out[n,o,i,j] = b[o] + Σ_{c∈group(o), u, v} x[n,c,i·sh−pt+u·dh, j·sw−pl+v·dw]·w[o,c',u,v]. */
    static double[] naiveConv(double[] x, int[] xs, double[] w, int[] ws, double[] b, int[] st, Convolution.Padding p, int[] dil, int groups, int ho, int wo) {
        int n = xs[0], c = xs[1], h = xs[2], wd = xs[3], co = ws[0], cg = ws[1], kh = ws[2], kw = ws[3], cog = co / groups;
        double[] out = new double[n * co * ho * wo];
        for (int ni = 0; ni < n; ni++)
            for (int o = 0; o < co; o++)
                for (int i = 0; i < ho; i++)
                    for (int j = 0; j < wo; j++) {
                        double s = b == null ? 0 : b[o];
                        int g = o / cog;
                        for (int ci = 0; ci < cg; ci++)
                            for (int u = 0; u < kh; u++)
                                for (int v = 0; v < kw; v++) {
                                    int ih = i * st[0] - p.top() + u * dil[0], iw = j * st[1] - p.left() + v * dil[1];
                                    if (ih < 0 || ih >= h || iw < 0 || iw >= wd) continue;
                                    s += x[((ni * c + g * cg + ci) * h + ih) * wd + iw] * w[((o * cg + ci) * kh + u) * kw + v];
                                }
                        out[((ni * co + o) * ho + i) * wo + j] = s;
                    }
        return out;
    }

    @Test void conv2dMatchesDirectLoops() {
        Rng rng = new Rng(21);
        int[][] cfg = { // n, c, h, w, co, kh, kw, sh, sw, top, bottom, left, right, dh, dw, groups
                {1, 1, 17, 3, 3, 3, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1},
                {3, 4, 9, 11, 6, 3, 2, 2, 1, 1, 2, 0, 1, 2, 1, 2},
                {2, 6, 7, 5, 6, 5, 5, 2, 2, 2, 2, 2, 2, 1, 1, 6},
                {1, 3, 5, 7, 17, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1},
                {2, 2, 13, 4, 4, 4, 1, 1, 1, 1, 2, 0, 0, 1, 1, 1},
                {1, 9, 8, 8, 3, 3, 3, 3, 2, 0, 1, 1, 0, 1, 2, 3}};
        for (int[] k : cfg) {
            int[] xs = {k[0], k[1], k[2], k[3]}, ws = {k[4], k[1] / k[15], k[5], k[6]};
            Convolution.Padding p = new Convolution.Padding(k[9], k[10], k[11], k[12]);
            Tensor x = Tensor.randn(rng, xs).to(DType.F64), w = Tensor.randn(rng, ws).to(DType.F64), b = Tensor.randn(rng, k[4]).to(DType.F64);
            Tensor y = Convolution.conv2d(x, w, b, new int[]{k[7], k[8]}, p, new int[]{k[13], k[14]}, k[15]);
            double[] ref = naiveConv(x.toDoubleArray(), xs, w.toDoubleArray(), ws, b.toDoubleArray(), new int[]{k[7], k[8]}, p,
                    new int[]{k[13], k[14]}, k[15], y.size(2), y.size(3));
            double[] got = y.toDoubleArray();
            assertEquals(ref.length, got.length);
            for (int i = 0; i < ref.length; i++) assertEquals(ref[i], got[i], 1e-12 * (1 + Math.abs(ref[i])), java.util.Arrays.toString(k) + " at " + i);
        }
    }

    @Test void poolingMatchesDirectLoops() {
        Rng rng = new Rng(22);
        int n = 2, c = 3, h = 9, w = 7;
        Tensor x = Tensor.randn(rng, n, c, h, w).to(DType.F64);
        double[] xv = x.toDoubleArray();
        int[] k = {3, 2}, s = {2, 3}, p = {1, 1};
        Tensor mx = Pooling.maxPool2d(x, k, s, p), av = Pooling.avgPool2d(x, k, s, p, false), avi = Pooling.avgPool2d(x, k, s, p, true);
        int ho = mx.size(2), wo = mx.size(3);
        assertEquals((h + 2 - 3) / 2 + 1, ho);
        assertEquals((w + 2 - 2) / 3 + 1, wo);
        double[] m = mx.toDoubleArray(), a = av.toDoubleArray(), ai = avi.toDoubleArray();
        for (int pl = 0; pl < n * c; pl++)
            for (int i = 0; i < ho; i++)
                for (int j = 0; j < wo; j++) {
                    double best = Double.NEGATIVE_INFINITY, sum = 0;
                    int cnt = 0;
                    for (int u = 0; u < k[0]; u++)
                        for (int v = 0; v < k[1]; v++) {
                            int ih = i * s[0] - p[0] + u, iw = j * s[1] - p[1] + v;
                            if (ih < 0 || ih >= h || iw < 0 || iw >= w) continue;
                            double val = xv[(pl * h + ih) * w + iw];
                            best = Math.max(best, val);
                            sum += val;
                            cnt++;
                        }
                    int o = (pl * ho + i) * wo + j;
                    assertEquals(best, m[o], 0);
                    assertEquals(sum / cnt, a[o], 1e-12);
                    assertEquals(sum / (k[0] * k[1]), ai[o], 1e-12);
                }
    }
}
