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
     * Synthesis matrixing as a DCT, A[n] = sum_sb S[sb] cos((2 sb + 1) n pi / 64), split once into even and odd n:
     * with u[k] = S[k] + S[31 - k] and w[k] = S[k] - S[31 - k] (k < 16), A[2m] = sum_k u[k] DCT_E[k][m] and
     * A[2m + 1] = sum_k w[k] DCT_O[k][m], two 16 x 16 products instead of one 32 x 32. The frequency inversion of odd
     * slots (odd subbands negated) swaps u and w and negates the odd rows: DCT_ES and DCT_OS. Stored [k * 16 + m].
     */
    static final float[] DCT_E = new float[256], DCT_O = new float[256], DCT_ES = new float[256], DCT_OS = new float[256];
    static {
        for (int n = 0; n < 18; n++)
            for (int k = 0; k < 18; k++) IMDCT36[n * 18 + k] = (float) Math.cos(Math.PI / 72 * (2 * n + 37) * (2 * k + 1));
        for (int m = 0; m < 6; m++)
            for (int k = 0; k < 6; k++) IMDCT12[m * 6 + k] = (float) Math.cos(Math.PI / 24 * (2 * m + 13) * (2 * k + 1));
        for (int k = 0; k < 16; k++)
            for (int m = 0; m < 16; m++) {
                float e = (float) Math.cos((2 * k + 1) * (2 * m) * Math.PI / 64), o = (float) Math.cos((2 * k + 1) * (2 * m + 1) * Math.PI / 64);
                DCT_E[k * 16 + m] = e;
                DCT_O[k * 16 + m] = o;
                DCT_ES[k * 16 + m] = (k & 1) == 0 ? e : -e;
                DCT_OS[k * 16 + m] = (k & 1) == 0 ? o : -o;
            }
    }

    /**
     * Alias reduction in the subband-interleaved layout: the butterflies across the boundaries below subbands
     * [sbFrom, sbTo) (between subband sb - 1 and sb), each pairing row 17 - i of subband sb - 1 with row i of sb.
     */
    static void aliasInterleaved(float[] t, int sbFrom, int sbTo) {
        if (VECTOR) { Mp3VectorDsp.aliasInterleaved(t, sbFrom, sbTo); return; }
        aliasInterleavedScalar(t, sbFrom, sbTo);
    }

    static void aliasInterleavedScalar(float[] t, int sbFrom, int sbTo) {
        float[] cs = Mp3Tables.CS, ca = Mp3Tables.CA;
        for (int i = 0; i < 8; i++) {
            int lo = (17 - i) * 32 - 1, hi = i * 32;
            for (int sb = sbFrom; sb < sbTo; sb++) {
                float a = t[lo + sb], b = t[hi + sb];
                t[lo + sb] = a * cs[i] - b * ca[i];
                t[hi + sb] = b * cs[i] + a * ca[i];
            }
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

    /**
     * State of one synthesis filter bank: a ring of the last 16 slots' DCT outputs, newest at {@code slot}, each as
     * [F | G] (64 floats): F[m] = A[m] and G[m] = A[32 - m] (G[0] = A[32] = 0). The standard's V vector of a slot is
     * V[j] = F[16 + j] (j < 16), -G[j - 16] (j >= 16), V[32 + j] = -G[16 + j] (j < 16), -F[j - 16] (j >= 16), so both
     * halves of V are contiguous runs of the ring: V[j] at offset 16 + j, V[32 + j] at (48 + j) mod 64, with the
     * signs in {@link #W1} and {@link #W2}. Plus work arrays.
     */
    static final class Synth {
        final float[] ring = new float[16 * 64];
        int slot;
        final float[] u = new float[16], w = new float[16], ae = new float[16], ao = new float[16];
    }

    /**
     * The synthesis window D with the signs of V folded in: out[j] = sum_i W1[32 i + j] ring(t - 2i)[16 + j]
     * + W2[32 i + j] ring(t - 2i - 1)[(48 + j) mod 64].
     */
    static final float[] W1 = new float[256], W2 = new float[256];
    static {
        float[] d = Mp3Tables.SYNTH_WINDOW;
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 32; j++) {
                W1[32 * i + j] = j < 16 ? d[64 * i + j] : -d[64 * i + j];
                W2[32 * i + j] = -d[64 * i + 32 + j];
            }
    }

    /** Stores the slot's DCT outputs (even ae, odd ao) into the ring as [F | G] at offset o. */
    static void fillRing(float[] r, int o, float[] ae, float[] ao) {
        for (int m = 0; m < 16; m++) {
            r[o + 2 * m] = ae[m];
            r[o + 2 * m + 1] = ao[m];
            r[o + 33 + 2 * m] = ao[15 - m];
        }
        r[o + 32] = 0;
        for (int m = 1; m < 16; m++) r[o + 32 + 2 * m] = ae[16 - m];
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

    /** The butterflies of the even/odd DCT split: u = S[k] + S[31 - k], w = S[k] - S[31 - k] (S zero from sbLimit on). */
    static void butterflies(float[] s, int o, int sbLimit, float[] u, float[] w) {
        int k = 0;
        for (int lo = Math.min(16, Math.max(0, 32 - sbLimit)); k < lo; k++) u[k] = w[k] = k < sbLimit ? s[o + k] : 0;
        for (; k < 16; k++) {
            float x = s[o + k], y = s[o + 31 - k];
            u[k] = x + y;
            w[k] = x - y;
        }
    }

    static void synthScalar(Synth st, float[] s, int slots, int sbLimit, float[] out, int off) {
        float[] r = st.ring, u = st.u, w = st.w, ae = st.ae, ao = st.ao;
        for (int t = 0; t < slots; t++) {
            butterflies(s, t * 32, sbLimit, u, w);
            boolean odd = (t & 1) == 1;
            float[] ce = odd ? DCT_ES : DCT_E, co = odd ? DCT_OS : DCT_O, ue = odd ? w : u, uo = odd ? u : w;
            java.util.Arrays.fill(ae, 0);
            java.util.Arrays.fill(ao, 0);
            for (int k = 0; k < 16; k++)
                for (int m = 0; m < 16; m++) {
                    ae[m] += ue[k] * ce[k * 16 + m];
                    ao[m] += uo[k] * co[k * 16 + m];
                }
            int slot = st.slot = (st.slot - 1) & 15;
            fillRing(r, slot * 64, ae, ao);
            for (int j = 0; j < 32; j++) {
                float sum = 0;
                for (int i = 0; i < 8; i++) {
                    sum += W1[32 * i + j] * r[((slot + 2 * i) & 15) * 64 + 16 + j];
                    sum += W2[32 * i + j] * r[((slot + 2 * i + 1) & 15) * 64 + ((48 + j) & 63)];
                }
                out[off + t * 32 + j] = sum;
            }
        }
    }
}
