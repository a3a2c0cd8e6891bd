package dev.segue.dsp.io;

/**
 * The linear back end of Layer III: IMDCT with windowing and overlap-add (the hybrid filter bank), and the polyphase
 * synthesis filter bank. Scalar reference implementations here; {@link Mp3VectorDsp} has the Vector API versions,
 * used when the incubator module is present (same algorithms, same data layout, summation order per lane equal).
 *
 * <p>Data layout: subband-interleaved ("transposed") granules, {@code x[row * 32 + sb]}, where for long blocks row
 * k = 0..17 is the k-th spectral line of subband sb, for short blocks row 3k + w is line k of window w, and for time
 * samples row t is time slot t. All vector loops therefore run along the 32 subbands.
 */
final class Mp3Dsp {
    private Mp3Dsp() {}

    static final boolean VECTOR;
    static {
        boolean ok;
        try {
            Class.forName("jdk.incubator.vector.FloatVector");
            int l = Mp3VectorDsp.lanes();
            ok = (l == 4 || l == 8 || l == 16) && !Boolean.getBoolean("segue.noVector");
        } catch (Throwable e) {
            ok = false;
        }
        VECTOR = ok;
    }

    /**
     * 18 distinct outputs of the 36-point IMDCT: Y[n] = y[n + 9] = sum_k X[k] cos(pi/72 (2(n+9) + 1 + 18)(2k + 1)),
     * stored [n * 18 + k]; the other 18 follow from y[17 - i] = -y[i] and y[53 - i] = y[i].
     */
    static final float[] IMDCT36 = new float[18 * 18];
    /** 6 distinct outputs of the 12-point IMDCT: Ys[m] = y[m + 3] = sum_k X[k] cos(pi/24 (2(m+3) + 1 + 6)(2k + 1)). */
    static final float[] IMDCT12 = new float[6 * 6];
    /**
     * Synthesis matrixing as a DCT: A[m] = sum_sb S[sb] cos((2 sb + 1) m pi / 64), stored [sb * 32 + m]; the odd-slot
     * version has the rows of odd subbands negated, which is the frequency inversion of the hybrid filter bank.
     */
    static final float[] DCT_EVEN = new float[32 * 32], DCT_ODD = new float[32 * 32];
    static {
        for (int n = 0; n < 18; n++)
            for (int k = 0; k < 18; k++) IMDCT36[n * 18 + k] = (float) Math.cos(Math.PI / 72 * (2 * n + 37) * (2 * k + 1));
        for (int m = 0; m < 6; m++)
            for (int k = 0; k < 6; k++) IMDCT12[m * 6 + k] = (float) Math.cos(Math.PI / 24 * (2 * m + 13) * (2 * k + 1));
        for (int sb = 0; sb < 32; sb++)
            for (int m = 0; m < 32; m++) {
                float c = (float) Math.cos((2 * sb + 1) * m * Math.PI / 64);
                DCT_EVEN[sb * 32 + m] = c;
                DCT_ODD[sb * 32 + m] = (sb & 1) == 0 ? c : -c;
            }
    }

    /**
     * Long-block IMDCT of subbands [sbFrom, sbTo) with window win (36 taps): out rows 0..17 = first half + overlap,
     * overlap rows 0..17 = second half.
     */
    static void imdctLong(float[] x, float[] ov, float[] out, float[] win, int sbFrom, int sbTo) {
        if (VECTOR && sbFrom % Mp3VectorDsp.lanes() == 0 && sbTo % Mp3VectorDsp.lanes() == 0) {
            Mp3VectorDsp.imdctLong(x, ov, out, win, sbFrom, sbTo);
            return;
        }
        imdctLongScalar(x, ov, out, win, sbFrom, sbTo);
    }

    static void imdctLongScalar(float[] x, float[] ov, float[] out, float[] win, int sbFrom, int sbTo) {
        float[] m = IMDCT36;
        for (int sb = sbFrom; sb < sbTo; sb++) {
            for (int n = 0; n < 9; n++) {
                float y = 0;
                for (int k = 0; k < 18; k++) y += m[n * 18 + k] * x[k * 32 + sb];
                int a = (8 - n) * 32 + sb, b = (9 + n) * 32 + sb;
                out[a] = ov[a] - y * win[8 - n];
                out[b] = ov[b] + y * win[9 + n];
            }
            for (int n = 9; n < 18; n++) {
                float y = 0;
                for (int k = 0; k < 18; k++) y += m[n * 18 + k] * x[k * 32 + sb];
                ov[(n - 9) * 32 + sb] = y * win[n + 9];
                ov[(26 - n) * 32 + sb] = y * win[44 - n];
            }
        }
    }

    /** Short-block IMDCT (three 12-point transforms overlapped into 36) of subbands [sbFrom, sbTo). */
    static void imdctShort(float[] x, float[] ov, float[] out, int sbFrom, int sbTo) {
        if (VECTOR && sbFrom % Mp3VectorDsp.lanes() == 0 && sbTo % Mp3VectorDsp.lanes() == 0) {
            Mp3VectorDsp.imdctShort(x, ov, out, sbFrom, sbTo);
            return;
        }
        imdctShortScalar(x, ov, out, sbFrom, sbTo);
    }

    static void imdctShortScalar(float[] x, float[] ov, float[] out, int sbFrom, int sbTo) {
        float[] m = IMDCT12, win = Mp3Tables.WINDOW[2];
        float[] z = new float[36], ys = new float[6], y = new float[12];
        for (int sb = sbFrom; sb < sbTo; sb++) {
            java.util.Arrays.fill(z, 0);
            for (int w = 0; w < 3; w++) {
                for (int j = 0; j < 6; j++) {
                    float s = 0;
                    for (int k = 0; k < 6; k++) s += m[j * 6 + k] * x[(3 * k + w) * 32 + sb];
                    ys[j] = s;
                }
                for (int i = 0; i < 3; i++) y[i] = -ys[2 - i];
                for (int j = 0; j < 6; j++) y[3 + j] = ys[j];
                y[9] = ys[5];
                y[10] = ys[4];
                y[11] = ys[3];
                for (int i = 0; i < 12; i++) z[6 + 6 * w + i] += y[i] * win[i];
            }
            for (int t = 0; t < 18; t++) {
                out[t * 32 + sb] = z[t] + ov[t * 32 + sb];
                ov[t * 32 + sb] = z[18 + t];
            }
        }
    }

    /** State of one synthesis filter bank: the last 16 V vectors (64 values each), newest at {@code slot}. */
    static final class Synth {
        final float[] v = new float[16 * 64];
        int slot;
        final float[] a = new float[32];
    }

    /**
     * Polyphase synthesis of {@code slots} time slots of 32 subband samples ({@code s[t * 32 + sb]}, subbands at and
     * above {@code sbLimit} zero) into out[off + 32 t + j]. Frequency inversion of odd subbands in odd slots is
     * applied here (the slot parity counts from the start of the granule; granules have an even number of slots).
     */
    static void synth(Synth st, float[] s, int slots, int sbLimit, float[] out, int off) {
        if (VECTOR) { Mp3VectorDsp.synth(st, s, slots, sbLimit, out, off); return; }
        synthScalar(st, s, slots, sbLimit, out, off);
    }

    static void synthScalar(Synth st, float[] s, int slots, int sbLimit, float[] out, int off) {
        float[] v = st.v, a = st.a, d = Mp3Tables.SYNTH_WINDOW;
        for (int t = 0; t < slots; t++) {
            float[] c = (t & 1) == 0 ? DCT_EVEN : DCT_ODD;
            java.util.Arrays.fill(a, 0);
            for (int sb = 0; sb < sbLimit; sb++) {
                float x = s[t * 32 + sb];
                if (x == 0) continue;
                for (int m = 0; m < 32; m++) a[m] += x * c[sb * 32 + m];
            }
            int slot = st.slot = (st.slot - 1) & 15;
            fillV(v, slot * 64, a);
            for (int j = 0; j < 32; j++) {
                float sum = 0;
                for (int i = 0; i < 8; i++) {
                    sum += d[64 * i + j] * v[((slot + 2 * i) & 15) * 64 + j];
                    sum += d[64 * i + 32 + j] * v[((slot + 2 * i + 1) & 15) * 64 + 32 + j];
                }
                out[off + t * 32 + j] = sum;
            }
        }
    }

    /**
     * V[0..63] of the standard's matrixing V[i] = sum_k cos((16 + i)(2k + 1) pi / 64) S[k], from the DCT A:
     * V[i] = A[16 + i] (i <= 16, A[32] = 0), -A[48 - i] (16 <= i <= 48), -A[i - 48] (i >= 48).
     */
    static void fillV(float[] v, int o, float[] a) {
        for (int i = 0; i < 16; i++) v[o + i] = a[16 + i];
        v[o + 16] = 0;
        for (int i = 17; i <= 48; i++) v[o + i] = -a[48 - i];
        for (int i = 49; i < 64; i++) v[o + i] = -a[i - 48];
    }
}
