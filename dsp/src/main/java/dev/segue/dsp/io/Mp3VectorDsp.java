package dev.segue.dsp.io;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API bodies of {@link Mp3Dsp} (only loaded when the incubator module is present): every loop runs along
 * subbands (IMDCT) or output samples (synthesis), L lanes at a time, each loop nest in one method.
 */
final class Mp3VectorDsp {
    private Mp3VectorDsp() {}

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    static int lanes() { return S.length(); }

    static void imdctLong(float[] x, float[] ov, float[] out, float[] win, int sbFrom, int sbTo) {
        float[] m = Mp3Dsp.IMDCT36;
        int l = S.length();
        for (int sb = sbFrom; sb < sbTo; sb += l) {
            for (int n = 0; n < 9; n++) {
                FloatVector y = FloatVector.zero(S);
                for (int k = 0; k < 18; k++) y = FloatVector.fromArray(S, x, k * 32 + sb).fma(FloatVector.broadcast(S, m[n * 18 + k]), y);
                int a = (8 - n) * 32 + sb, b = (9 + n) * 32 + sb;
                FloatVector.fromArray(S, ov, a).sub(y.mul(win[8 - n])).intoArray(out, a);
                FloatVector.fromArray(S, ov, b).add(y.mul(win[9 + n])).intoArray(out, b);
            }
            for (int n = 9; n < 18; n++) {
                FloatVector y = FloatVector.zero(S);
                for (int k = 0; k < 18; k++) y = FloatVector.fromArray(S, x, k * 32 + sb).fma(FloatVector.broadcast(S, m[n * 18 + k]), y);
                y.mul(win[n + 9]).intoArray(ov, (n - 9) * 32 + sb);
                y.mul(win[44 - n]).intoArray(ov, (26 - n) * 32 + sb);
            }
        }
    }

    static void imdctShort(float[] x, float[] ov, float[] out, int sbFrom, int sbTo) {
        float[] m = Mp3Dsp.IMDCT12, win = Mp3Tables.WINDOW[2];
        int l = S.length();
        float[] z = new float[36 * l];
        for (int sb = sbFrom; sb < sbTo; sb += l) {
            java.util.Arrays.fill(z, 0);
            for (int w = 0; w < 3; w++) {
                for (int j = 0; j < 6; j++) {
                    FloatVector y = FloatVector.zero(S);
                    for (int k = 0; k < 6; k++) y = FloatVector.fromArray(S, x, (3 * k + w) * 32 + sb).fma(FloatVector.broadcast(S, m[j * 6 + k]), y);
                    // y is Ys[j] = y[3 + j]; its mirror images: y[2 - j] = -Ys[j] (j < 3), y[14 - j] = Ys[j] (j >= 3)
                    int p = 6 + 6 * w;
                    FloatVector.fromArray(S, z, (p + 3 + j) * l).add(y.mul(win[3 + j])).intoArray(z, (p + 3 + j) * l);
                    if (j < 3) FloatVector.fromArray(S, z, (p + 2 - j) * l).sub(y.mul(win[2 - j])).intoArray(z, (p + 2 - j) * l);
                    else FloatVector.fromArray(S, z, (p + 14 - j) * l).add(y.mul(win[14 - j])).intoArray(z, (p + 14 - j) * l);
                }
            }
            for (int t = 0; t < 18; t++) {
                FloatVector.fromArray(S, z, t * l).add(FloatVector.fromArray(S, ov, t * 32 + sb)).intoArray(out, t * 32 + sb);
                FloatVector.fromArray(S, z, (18 + t) * l).intoArray(ov, t * 32 + sb);
            }
        }
    }

    static void synth(Mp3Dsp.Synth st, float[] s, int slots, int sbLimit, float[] out, int off) {
        float[] r = st.ring, u = st.u, w = st.w, ae = st.ae, ao = st.ao, w1 = Mp3Dsp.W1, w2 = Mp3Dsp.W2;
        int l = S.length();
        for (int t = 0; t < slots; t++) {
            Mp3Dsp.butterflies(s, t * 32, sbLimit, u, w);
            boolean odd = (t & 1) == 1;
            float[] ce = odd ? Mp3Dsp.DCT_ES : Mp3Dsp.DCT_E, co = odd ? Mp3Dsp.DCT_OS : Mp3Dsp.DCT_O, ue = odd ? w : u, uo = odd ? u : w;
            for (int m = 0; m < 16; m += l) {
                FloatVector e = FloatVector.zero(S), o = FloatVector.zero(S);
                for (int k = 0; k < 16; k++) {
                    e = FloatVector.fromArray(S, ce, k * 16 + m).fma(FloatVector.broadcast(S, ue[k]), e);
                    o = FloatVector.fromArray(S, co, k * 16 + m).fma(FloatVector.broadcast(S, uo[k]), o);
                }
                e.intoArray(ae, m);
                o.intoArray(ao, m);
            }
            int slot = st.slot = (st.slot - 1) & 15;
            Mp3Dsp.fillRing(r, slot * 64, ae, ao);
            for (int j = 0; j < 32; j += l) {
                FloatVector sum = FloatVector.zero(S);
                int j2 = (48 + j) & 63;
                for (int i = 0; i < 8; i++) {
                    sum = FloatVector.fromArray(S, w1, 32 * i + j).fma(FloatVector.fromArray(S, r, ((slot + 2 * i) & 15) * 64 + 16 + j), sum);
                    sum = FloatVector.fromArray(S, w2, 32 * i + j).fma(FloatVector.fromArray(S, r, ((slot + 2 * i + 1) & 15) * 64 + j2), sum);
                }
                sum.intoArray(out, off + t * 32 + j);
            }
        }
    }
}
