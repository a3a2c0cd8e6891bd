package dev.segue.recsys.eval;

/**
 * Plain-Java blocked scoring: 4 queries × 4 items per step, so every loaded value feeds four
 * multiply-adds (16 independent accumulators keep the FPU busy). Single-threaded: {@link TopK}
 * parallelises over query blocks.
 */
public final class PlainScoreBlock implements ScoreBlock {
    public static final PlainScoreBlock INSTANCE = new PlainScoreBlock();

    private PlainScoreBlock() {}

    @Override
    public void scores(float[] q, int qOff, int rows, float[] it, int itemFrom, int itemCount, int d, float[] out, int ldOut) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int q0 = qOff + r * d, q1 = q0 + d, q2 = q1 + d, q3 = q2 + d;
            int j = 0;
            for (; j + 4 <= itemCount; j += 4) {
                int i0 = (itemFrom + j) * d, i1 = i0 + d, i2 = i1 + d, i3 = i2 + d;
                float s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                float s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
                for (int k = 0; k < d; k++) {
                    float a0 = q[q0 + k], a1 = q[q1 + k], a2 = q[q2 + k], a3 = q[q3 + k];
                    float b0 = it[i0 + k], b1 = it[i1 + k], b2 = it[i2 + k], b3 = it[i3 + k];
                    s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3;
                    s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3;
                    s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2; s23 += a2 * b3;
                    s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2; s33 += a3 * b3;
                }
                int o = r * ldOut + j;
                out[o] = s00; out[o + 1] = s01; out[o + 2] = s02; out[o + 3] = s03;
                o += ldOut;
                out[o] = s10; out[o + 1] = s11; out[o + 2] = s12; out[o + 3] = s13;
                o += ldOut;
                out[o] = s20; out[o + 1] = s21; out[o + 2] = s22; out[o + 3] = s23;
                o += ldOut;
                out[o] = s30; out[o + 1] = s31; out[o + 2] = s32; out[o + 3] = s33;
            }
            for (; j < itemCount; j++)
                for (int rr = r; rr < r + 4; rr++) out[rr * ldOut + j] = dot(q, qOff + rr * d, it, (itemFrom + j) * d, d);
        }
        for (; r < rows; r++)
            for (int j = 0; j < itemCount; j++) out[r * ldOut + j] = dot(q, qOff + r * d, it, (itemFrom + j) * d, d);
    }

    static float dot(float[] a, int ao, float[] b, int bo, int d) {
        float s = 0;
        for (int k = 0; k < d; k++) s += a[ao + k] * b[bo + k];
        return s;
    }
}
