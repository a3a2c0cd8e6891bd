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

    static void aliasInterleaved(float[] t, int sbFrom, int sbTo) {
        float[] cs = Mp3Tables.CS, ca = Mp3Tables.CA;
        int l = S.length();
        for (int i = 0; i < 8; i++) {
            int lo = (17 - i) * 32 - 1, hi = i * 32;
            FloatVector c = FloatVector.broadcast(S, cs[i]), d = FloatVector.broadcast(S, ca[i]);
            int sb = sbFrom;
            for (; sb + l <= sbTo; sb += l) {
                FloatVector a = FloatVector.fromArray(S, t, lo + sb), b = FloatVector.fromArray(S, t, hi + sb);
                a.mul(c).sub(b.mul(d)).intoArray(t, lo + sb);
                b.mul(c).add(a.mul(d)).intoArray(t, hi + sb);
            }
            for (; sb < sbTo; sb++) {
                float a = t[lo + sb], b = t[hi + sb];
                t[lo + sb] = a * cs[i] - b * ca[i];
                t[hi + sb] = b * cs[i] + a * ca[i];
            }
        }
    }

    /**
     * Long-block IMDCT, L subbands per vector: for each half of the 18 outputs, 9 accumulators stay in registers while
     * the 18 input rows stream by (each row loaded once per half, each coefficient broadcast once).
     */
    static void imdctLong(float[] x, float[] ov, float[] out, float[] win, int sbFrom, int sbTo) {
        float[] m = Mp3Dsp.IMDCT36;
        int l = S.length();
        for (int sb = sbFrom; sb < sbTo; sb += l) {
            {
                FloatVector y0 = FloatVector.zero(S), y1 = FloatVector.zero(S), y2 = FloatVector.zero(S), y3 = FloatVector.zero(S), y4 = FloatVector.zero(S), y5 = FloatVector.zero(S), y6 = FloatVector.zero(S), y7 = FloatVector.zero(S), y8 = FloatVector.zero(S);
                for (int k = 0; k < 18; k++) {
                    FloatVector xk = FloatVector.fromArray(S, x, k * 32 + sb);
                    y0 = xk.fma(FloatVector.broadcast(S, m[0 + k]), y0);
                    y1 = xk.fma(FloatVector.broadcast(S, m[18 + k]), y1);
                    y2 = xk.fma(FloatVector.broadcast(S, m[36 + k]), y2);
                    y3 = xk.fma(FloatVector.broadcast(S, m[54 + k]), y3);
                    y4 = xk.fma(FloatVector.broadcast(S, m[72 + k]), y4);
                    y5 = xk.fma(FloatVector.broadcast(S, m[90 + k]), y5);
                    y6 = xk.fma(FloatVector.broadcast(S, m[108 + k]), y6);
                    y7 = xk.fma(FloatVector.broadcast(S, m[126 + k]), y7);
                    y8 = xk.fma(FloatVector.broadcast(S, m[144 + k]), y8);
                }
                FloatVector.fromArray(S, ov, 256 + sb).sub(y0.mul(win[8])).intoArray(out, 256 + sb);
                FloatVector.fromArray(S, ov, 288 + sb).add(y0.mul(win[9])).intoArray(out, 288 + sb);
                FloatVector.fromArray(S, ov, 224 + sb).sub(y1.mul(win[7])).intoArray(out, 224 + sb);
                FloatVector.fromArray(S, ov, 320 + sb).add(y1.mul(win[10])).intoArray(out, 320 + sb);
                FloatVector.fromArray(S, ov, 192 + sb).sub(y2.mul(win[6])).intoArray(out, 192 + sb);
                FloatVector.fromArray(S, ov, 352 + sb).add(y2.mul(win[11])).intoArray(out, 352 + sb);
                FloatVector.fromArray(S, ov, 160 + sb).sub(y3.mul(win[5])).intoArray(out, 160 + sb);
                FloatVector.fromArray(S, ov, 384 + sb).add(y3.mul(win[12])).intoArray(out, 384 + sb);
                FloatVector.fromArray(S, ov, 128 + sb).sub(y4.mul(win[4])).intoArray(out, 128 + sb);
                FloatVector.fromArray(S, ov, 416 + sb).add(y4.mul(win[13])).intoArray(out, 416 + sb);
                FloatVector.fromArray(S, ov, 96 + sb).sub(y5.mul(win[3])).intoArray(out, 96 + sb);
                FloatVector.fromArray(S, ov, 448 + sb).add(y5.mul(win[14])).intoArray(out, 448 + sb);
                FloatVector.fromArray(S, ov, 64 + sb).sub(y6.mul(win[2])).intoArray(out, 64 + sb);
                FloatVector.fromArray(S, ov, 480 + sb).add(y6.mul(win[15])).intoArray(out, 480 + sb);
                FloatVector.fromArray(S, ov, 32 + sb).sub(y7.mul(win[1])).intoArray(out, 32 + sb);
                FloatVector.fromArray(S, ov, 512 + sb).add(y7.mul(win[16])).intoArray(out, 512 + sb);
                FloatVector.fromArray(S, ov, 0 + sb).sub(y8.mul(win[0])).intoArray(out, 0 + sb);
                FloatVector.fromArray(S, ov, 544 + sb).add(y8.mul(win[17])).intoArray(out, 544 + sb);
            }
            {
                FloatVector y0 = FloatVector.zero(S), y1 = FloatVector.zero(S), y2 = FloatVector.zero(S), y3 = FloatVector.zero(S), y4 = FloatVector.zero(S), y5 = FloatVector.zero(S), y6 = FloatVector.zero(S), y7 = FloatVector.zero(S), y8 = FloatVector.zero(S);
                for (int k = 0; k < 18; k++) {
                    FloatVector xk = FloatVector.fromArray(S, x, k * 32 + sb);
                    y0 = xk.fma(FloatVector.broadcast(S, m[162 + k]), y0);
                    y1 = xk.fma(FloatVector.broadcast(S, m[180 + k]), y1);
                    y2 = xk.fma(FloatVector.broadcast(S, m[198 + k]), y2);
                    y3 = xk.fma(FloatVector.broadcast(S, m[216 + k]), y3);
                    y4 = xk.fma(FloatVector.broadcast(S, m[234 + k]), y4);
                    y5 = xk.fma(FloatVector.broadcast(S, m[252 + k]), y5);
                    y6 = xk.fma(FloatVector.broadcast(S, m[270 + k]), y6);
                    y7 = xk.fma(FloatVector.broadcast(S, m[288 + k]), y7);
                    y8 = xk.fma(FloatVector.broadcast(S, m[306 + k]), y8);
                }
                y0.mul(win[18]).intoArray(ov, 0 + sb);
                y0.mul(win[35]).intoArray(ov, 544 + sb);
                y1.mul(win[19]).intoArray(ov, 32 + sb);
                y1.mul(win[34]).intoArray(ov, 512 + sb);
                y2.mul(win[20]).intoArray(ov, 64 + sb);
                y2.mul(win[33]).intoArray(ov, 480 + sb);
                y3.mul(win[21]).intoArray(ov, 96 + sb);
                y3.mul(win[32]).intoArray(ov, 448 + sb);
                y4.mul(win[22]).intoArray(ov, 128 + sb);
                y4.mul(win[31]).intoArray(ov, 416 + sb);
                y5.mul(win[23]).intoArray(ov, 160 + sb);
                y5.mul(win[30]).intoArray(ov, 384 + sb);
                y6.mul(win[24]).intoArray(ov, 192 + sb);
                y6.mul(win[29]).intoArray(ov, 352 + sb);
                y7.mul(win[25]).intoArray(ov, 224 + sb);
                y7.mul(win[28]).intoArray(ov, 320 + sb);
                y8.mul(win[26]).intoArray(ov, 256 + sb);
                y8.mul(win[27]).intoArray(ov, 288 + sb);
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
            if (l == 8) { // taps outer, the four 8-sample chunks of the output in registers: each ring row read as one run
                FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S), s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
                for (int i = 0; i < 8; i++) {
                    int p1 = ((slot + 2 * i) & 15) * 64 + 16, p2 = ((slot + 2 * i + 1) & 15) * 64, q = 32 * i;
                    s0 = FloatVector.fromArray(S, w1, q).fma(FloatVector.fromArray(S, r, p1), s0);
                    s1 = FloatVector.fromArray(S, w1, q + 8).fma(FloatVector.fromArray(S, r, p1 + 8), s1);
                    s2 = FloatVector.fromArray(S, w1, q + 16).fma(FloatVector.fromArray(S, r, p1 + 16), s2);
                    s3 = FloatVector.fromArray(S, w1, q + 24).fma(FloatVector.fromArray(S, r, p1 + 24), s3);
                    s0 = FloatVector.fromArray(S, w2, q).fma(FloatVector.fromArray(S, r, p2 + 48), s0);
                    s1 = FloatVector.fromArray(S, w2, q + 8).fma(FloatVector.fromArray(S, r, p2 + 56), s1);
                    s2 = FloatVector.fromArray(S, w2, q + 16).fma(FloatVector.fromArray(S, r, p2), s2);
                    s3 = FloatVector.fromArray(S, w2, q + 24).fma(FloatVector.fromArray(S, r, p2 + 8), s3);
                }
                int o = off + t * 32;
                s0.intoArray(out, o);
                s1.intoArray(out, o + 8);
                s2.intoArray(out, o + 16);
                s3.intoArray(out, o + 24);
                continue;
            }
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
