package dev.segue.nn.attention;

import dev.segue.core.DType;
import dev.segue.core.Tensor;

/**
 * XLNet's relative positional encoding and relative shift (Hugging Face XLNetModel, attn_type "bi").
 */
public final class RelativePositions {
    private RelativePositions() {}

    /**
     * Sinusoid encodings of relative positions klen, klen−1, …, −qlen+1 → [klen+qlen, d]: sin and cos
     * halves concatenated (not interleaved), inv_freq = 1/10000^(2i/d). Computed in double, then cast.
     */
    public static Tensor sinusoid(int qlen, int klen, int d, DType dtype) {
        if (d % 2 != 0) throw new IllegalArgumentException("XLNet positional encoding needs an even d_model, got " + d);
        int n = klen + qlen, half = d / 2;
        double[] v = new double[n * d];
        for (int p = 0; p < n; p++) {
            double pos = klen - p;
            for (int i = 0; i < half; i++) {
                // HF computes inv_freq in float32; do the same so positions match its bits closely
                float invFreq = (float) (1.0 / Math.pow(10000.0, (2.0 * i) / d));
                double a = pos * invFreq;
                v[p * d + i] = Math.sin(a);
                v[p * d + half + i] = Math.cos(a);
            }
        }
        return Tensor.of(v, n, d).to(dtype);
    }

    /**
     * HF rel_shift_bnij: x [b, n, i, J] → x.reshape(b, n, J, i)[:, :, 1:].reshape(b, n, i, J−1)[…, :klen];
     * equivalently out[b, n, i, j] = x[b, n, i, j + qlen − i] when J = klen + qlen.
     */
    public static Tensor relShift(Tensor x, int klen) {
        int[] s = x.shape();
        int b = s[0], n = s[1], i = s[2], jj = s[3];
        return x.reshape(b, n, jj, i).narrow(2, 1, jj - 1).reshape(b, n, i, jj - 1).narrow(3, 0, klen);
    }
}
