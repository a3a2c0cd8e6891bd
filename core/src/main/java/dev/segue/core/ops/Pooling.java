package dev.segue.core.ops;

import dev.segue.core.Shape;
import dev.segue.core.Tensor;

/**
 * Max and average pooling over [N, C, H, W] (1-D through H = 1), PyTorch floor mode. Windows are
 * gathered by one index-select over the flattened planes with an extra pad slot (−∞ for max, 0 for
 * average), then reduced over the window axis; the backward comes from select + max/sum (max: to the
 * arg-max, so overlapping windows accumulate).
 */
public final class Pooling {
    private Pooling() {}

    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding) {
        Tensor win = windows(x, kernel, stride, padding, Double.NEGATIVE_INFINITY);
        int[] os = outShape(x.shape(), kernel, stride, padding);
        return win.max(-1, false)[0].reshape(os);
    }

    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean countIncludePad) {
        Tensor win = windows(x, kernel, stride, padding, 0);
        int[] os = outShape(x.shape(), kernel, stride, padding);
        Tensor s = win.sum(-1, false);
        if (countIncludePad) return s.div(kernel[0] * kernel[1]).reshape(os);
        int h = x.size(2), w = x.size(3), ho = os[2], wo = os[3];
        float[] cnt = new float[ho * wo];
        for (int oh = 0; oh < ho; oh++)
            for (int ow = 0; ow < wo; ow++) {
                int h0 = Math.max(0, oh * stride[0] - padding[0]), h1 = Math.min(h, oh * stride[0] - padding[0] + kernel[0]);
                int w0 = Math.max(0, ow * stride[1] - padding[1]), w1 = Math.min(w, ow * stride[1] - padding[1] + kernel[1]);
                cnt[oh * wo + ow] = (h1 - h0) * (w1 - w0);
            }
        return s.div(Tensor.of(cnt, ho * wo).to(x.dtype())).reshape(os);
    }

    /** x [N, C, L] → [N, C, L_out]. */
    public static Tensor maxPool1d(Tensor x, int kernel, int stride, int padding) {
        return maxPool2d(x.unsqueeze(2), new int[]{1, kernel}, new int[]{1, stride}, new int[]{0, padding}).squeeze(2);
    }

    public static Tensor avgPool1d(Tensor x, int kernel, int stride, int padding, boolean countIncludePad) {
        return avgPool2d(x.unsqueeze(2), new int[]{1, kernel}, new int[]{1, stride}, new int[]{0, padding}, countIncludePad).squeeze(2);
    }

    /** adaptive_avg_pool2d(x, 1): the mean over H and W → [N, C, 1, 1]. */
    public static Tensor globalAvgPool2d(Tensor x) { return x.mean(new int[]{2, 3}, true); }

    static int[] outShape(int[] xs, int[] kernel, int[] stride, int[] padding) {
        if (xs.length != 4) throw new IllegalArgumentException("pool2d: x must be [N, C, H, W], got " + Shape.str(xs));
        if (2 * padding[0] > kernel[0] || 2 * padding[1] > kernel[1])
            throw new IllegalArgumentException("pool2d: padding " + padding[0] + "x" + padding[1] + " exceeds half the kernel " + kernel[0] + "x" + kernel[1]);
        int ho = (xs[2] + 2 * padding[0] - kernel[0]) / stride[0] + 1;
        int wo = (xs[3] + 2 * padding[1] - kernel[1]) / stride[1] + 1;
        if (ho <= 0 || wo <= 0) throw new IllegalArgumentException("pool2d: input " + Shape.str(xs) + " is smaller than kernel " + kernel[0] + "x" + kernel[1]);
        return new int[]{xs[0], xs[1], ho, wo};
    }

    /** [N·C, Ho·Wo, kh·kw] windows, padded taps reading {@code padValue}. */
    private static Tensor windows(Tensor x, int[] kernel, int[] stride, int[] padding, double padValue) {
        int[] os = outShape(x.shape(), kernel, stride, padding);
        int n = os[0], c = os[1], ho = os[2], wo = os[3], h = x.size(2), w = x.size(3);
        int kk = kernel[0] * kernel[1], plane = h * w;
        Tensor xz = Tensor.cat(1, x.reshape(n * c, plane), Tensor.full(x.dtype(), padValue, n * c, 1));
        long[] idx = new long[ho * wo * kk];
        int q = 0;
        for (int oh = 0; oh < ho; oh++)
            for (int ow = 0; ow < wo; ow++)
                for (int i = 0; i < kernel[0]; i++) {
                    int ih = oh * stride[0] - padding[0] + i;
                    for (int j = 0; j < kernel[1]; j++) {
                        int iw = ow * stride[1] - padding[1] + j;
                        idx[q++] = ih >= 0 && ih < h && iw >= 0 && iw < w ? (long) ih * w + iw : plane;
                    }
                }
        return xz.indexSelect(1, Tensor.ofLongs(idx, idx.length)).reshape(n * c, ho * wo, kk);
    }
}
