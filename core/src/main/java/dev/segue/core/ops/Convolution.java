package dev.segue.core.ops;

import dev.segue.core.Shape;
import dev.segue.core.Tensor;

/**
 * 1-D and 2-D convolution (PyTorch cross-correlation semantics: stride, asymmetric zero padding,
 * dilation, groups) by im2col + GEMM. im2col is one differentiable index-select over the flattened
 * input with an extra zero slot that every padded tap points to, so the backward (a scatter-add of the
 * column gradients) and the weight gradient (a GEMM) come from the existing ops with no new kernel.
 * The columns of all groups are produced by one select and multiplied by a batched GEMM:
 * w [G, Co/G, K] @ cols [N, G, K, P] → [N, G, Co/G, P].
 */
public final class Convolution {
    private Convolution() {}

    /** Zero padding of a 2-D convolution, possibly asymmetric (TensorFlow "same" pads one more after). */
    public record Padding(int top, int bottom, int left, int right) {
        public static Padding symmetric(int h, int w) { return new Padding(h, h, w, w); }

        /** TF "same" for stride 1: total k−1 split as floor before, ceil after, per dim. */
        public static Padding tfSame(int kh, int kw) {
            return new Padding((kh - 1) / 2, kh / 2, (kw - 1) / 2, kw / 2);
        }
    }

    /** x [N, C, L], w [Co, C/groups, K], bias [Co] or null → [N, Co, L_out]; padding (left, right). */
    public static Tensor conv1d(Tensor x, Tensor w, Tensor bias, int stride, int padLeft, int padRight, int dilation, int groups) {
        if (x.dim() != 3 || w.dim() != 3)
            throw new IllegalArgumentException("conv1d: x must be [N, C, L] and w [C_out, C_in/groups, K], got " + Shape.str(x.shape()) + " and " + Shape.str(w.shape()));
        Tensor y = conv2d(x.unsqueeze(2), w.unsqueeze(2), bias, new int[]{1, stride}, new Padding(0, 0, padLeft, padRight),
                new int[]{1, dilation}, groups);
        return y.squeeze(2);
    }

    /** x [N, C, H, W], w [Co, C/groups, kh, kw], bias [Co] or null → [N, Co, Ho, Wo]. */
    public static Tensor conv2d(Tensor x, Tensor w, Tensor bias, int[] stride, Padding pad, int[] dilation, int groups) {
        int[] xs = x.shape(), ws = w.shape();
        if (xs.length != 4 || ws.length != 4)
            throw new IllegalArgumentException("conv2d: x must be [N, C, H, W] and w [C_out, C_in/groups, kH, kW], got " + Shape.str(xs) + " and " + Shape.str(ws));
        int n = xs[0], c = xs[1], h = xs[2], wd = xs[3];
        int co = ws[0], kh = ws[2], kw = ws[3];
        if (groups < 1 || c % groups != 0 || co % groups != 0 || ws[1] != c / groups)
            throw new IllegalArgumentException("conv2d: " + c + " input channels, weight " + Shape.str(ws) + " and groups " + groups + " do not fit");
        if (bias != null && !Shape.equal(bias.shape(), new int[]{co}))
            throw new IllegalArgumentException("conv2d: bias of shape " + Shape.str(bias.shape()) + " for " + co + " output channels");
        int sh = stride[0], sw = stride[1], dh = dilation[0], dw = dilation[1];
        int ho = (h + pad.top() + pad.bottom() - dh * (kh - 1) - 1) / sh + 1;
        int wo = (wd + pad.left() + pad.right() - dw * (kw - 1) - 1) / sw + 1;
        if (ho <= 0 || wo <= 0)
            throw new IllegalArgumentException("conv2d: input " + Shape.str(xs) + " is smaller than kernel " + kh + "x" + kw + " (dilation " + dh + "x" + dw + ", padding " + pad + ")");
        int g = groups, cg = c / g, cog = co / g, k = cg * kh * kw, p = ho * wo;
        Tensor cols;
        boolean pointwise = kh == 1 && kw == 1 && sh == 1 && sw == 1 && pad.equals(new Padding(0, 0, 0, 0));
        if (pointwise) {
            cols = x.reshape(n, g, k, p); // 1x1 stride 1: the input already is the column matrix
        } else {
            int plane = cg * h * wd;
            Tensor xz = Tensor.cat(2, x.reshape(n, g, plane), Tensor.zeros(x.dtype(), n, g, 1));
            long[] idx = new long[k * p];
            int q = 0;
            for (int ci = 0; ci < cg; ci++)
                for (int i = 0; i < kh; i++)
                    for (int j = 0; j < kw; j++)
                        for (int oh = 0; oh < ho; oh++) {
                            int ih = oh * sh - pad.top() + i * dh;
                            for (int ow = 0; ow < wo; ow++) {
                                int iw = ow * sw - pad.left() + j * dw;
                                idx[q++] = ih >= 0 && ih < h && iw >= 0 && iw < wd ? (long) (ci * h + ih) * wd + iw : plane;
                            }
                        }
            cols = xz.indexSelect(2, Tensor.ofLongs(idx, idx.length)).reshape(n, g, k, p);
        }
        Tensor y = w.reshape(g, cog, k).matmul(cols).reshape(n, co, ho, wo);
        return bias == null ? y : y.add(bias.reshape(1, co, 1, 1));
    }
}
