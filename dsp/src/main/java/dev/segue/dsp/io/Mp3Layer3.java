package dev.segue.dsp.io;

import java.util.Arrays;

import static dev.segue.dsp.io.Mp3Tables.*;

/**
 * MPEG-1/2/2.5 audio Layer III decoding of one frame at a time (ISO/IEC 11172-3 clause 2.4.3.4, ISO/IEC 13818-3):
 * side information, the bit reservoir, scale factors (scfsi; MPEG-2 LSF scalefac_compress), Huffman decoding with
 * requantisation fused in, MS and intensity stereo (MPEG-1 and LSF), short-block reordering, alias reduction, IMDCT
 * with overlap-add, frequency inversion and the polyphase synthesis. Output is float, unquantised.
 *
 * <p>With {@code downmix}, a two-channel stream is decoded to one channel, the mean of the two: both channels go
 * through the hybrid filter bank (each keeps its own overlap), their subband samples are averaged, and one synthesis
 * filter bank runs on the mean. The synthesis is linear with a linear state, so this equals the mean of the two
 * decoded channels up to float rounding, at about half the synthesis cost.
 */
final class Mp3Layer3 {
    private static final java.lang.invoke.VarHandle BE64 =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    final int channels;      // of the stream: 1 or 2
    final boolean downmix;   // two channels decoded to their mean

    // bit reservoir: main data of the recent frames
    private final byte[] res = new byte[1 << 13];
    private int resLen;

    // bit reader over bd[bpos..bend) (zeros beyond): left-aligned window bb with bc valid bits
    private byte[] bd;
    private int bpos, bend, bc;
    private long bb;

    // side information, index gr * 2 + ch
    private int mainDataBegin;
    private final int[] scfsi = new int[2];
    private final int[] part23 = new int[4], bigValues = new int[4], globalGain = new int[4], sfCompress = new int[4],
            blockType = new int[4], region1 = new int[4], region2 = new int[4], preflag = new int[4], sfScale = new int[4],
            count1Table = new int[4];
    private final boolean[] mixed = new boolean[4];
    private final int[][] tableSelect = new int[4][3], subblockGain = new int[4][3];

    // per channel
    private final int[][] scfL = new int[2][22], scfS = new int[2][39];
    private final float[][] xr = new float[2][576], xt = new float[2][576], ov = new float[2][576], sbs = new float[2][576];
    private final int[] nz = new int[2], ovLimit = new int[2], sbLimit = new int[2];
    private final Mp3Dsp.Synth[] synth;
    private final float[] mix = new float[576];
    private final float[] bandGain = new float[40];
    private final int[] bandEnd = new int[40];
    private final float[] lineGain = new float[576];
    private final int[] lsfScf = new int[40], lsfMax = new int[40];
    /** LSF intensity stereo: the illegal position (2^slen - 1) of each right-channel band, long [sfb], short [sfb * 3 + w]. */
    private final int[] isIllegalL = new int[22], isIllegalS = new int[39];

    /**
     * What the stream used so far (for tests): granules with block type 0..3 [0..3], mixed blocks [4], frames with
     * MS stereo [5], with intensity stereo [6], with CRC [7], frames with granules silent for want of reservoir data [8].
     */
    final long[] stats = new long[9];

    Mp3Layer3(int channels, boolean downmix) {
        this.channels = channels;
        this.downmix = downmix && channels == 2;
        int out = this.downmix ? 1 : channels;
        synth = new Mp3Dsp.Synth[out];
        for (int c = 0; c < out; c++) synth[c] = new Mp3Dsp.Synth();
    }

    int outputChannels() { return synth.length; }

    // ---------------------------------------------------------------- bit reader

    private void startBits(byte[] d, int pos, int end) {
        bd = d;
        bpos = pos;
        bend = end;
        bb = 0;
        bc = 0;
    }

    private void refill() {
        while (bc <= 56) {
            int b = bpos < bend ? bd[bpos] & 0xFF : 0;
            bb |= (long) b << (56 - bc);
            bc += 8;
            bpos++;
        }
    }

    /** Next n bits (0 <= n <= 32) as an unsigned value. */
    private int bits(int n) {
        if (n == 0) return 0;
        if (bc < n) refill();
        int v = (int) (bb >>> (64 - n));
        bb <<= n;
        bc -= n;
        return v;
    }

    private int bitPos() { return bpos * 8 - bc; }

    private void seekBits(int pos) {
        bpos = pos >> 3;
        bb = 0;
        bc = 0;
        int r = pos & 7;
        if (r > 0) {
            refill();
            bb <<= r;
            bc -= r;
        }
    }

    // ---------------------------------------------------------------- frame

    /**
     * Decodes the frame d[off, off + len) whose header is h (a valid Layer III header of this stream's channel
     * count) into out[c][0 .. 576 * granules). Returns the number of samples per channel, or -1 when the frame is
     * too short for its side information. Granules whose main data begin before what the reservoir holds (the first
     * frames after a cut) decode as silence, as ffmpeg's decoder does.
     */
    int decode(byte[] d, int off, int len, int h, float[][] out) {
        int ver = (h >>> 19) & 3;
        boolean lsf = ver != 3;
        int sr = (ver == 3 ? 0 : ver == 2 ? 3 : 6) + ((h >>> 10) & 3);
        boolean crc = ((h >>> 16) & 1) == 0;
        int mode = (h >>> 6) & 3, modeExt = (h >>> 4) & 3;
        int nch = mode == 3 ? 1 : 2;
        if (nch != channels) return -1;
        int sideLen = lsf ? (nch == 1 ? 9 : 17) : (nch == 1 ? 17 : 32);
        int p = off + 4 + (crc ? 2 : 0);
        if (p + sideLen > off + len) return -1;
        startBits(d, p, p + sideLen);
        readSideInfo(lsf, nch, sr);

        int mainStart = p + sideLen, mainLen = off + len - mainStart;
        if (resLen + mainLen > res.length) {
            int keep = Math.min(resLen, 512);
            System.arraycopy(res, resLen - keep, res, 0, keep);
            resLen = keep;
        }
        int avail = resLen;
        System.arraycopy(d, mainStart, res, resLen, mainLen);
        resLen += mainLen;
        int granules = lsf ? 1 : 2, missing = 0;
        if (mainDataBegin <= avail) startBits(res, avail - mainDataBegin, resLen);
        else {
            // the main data start before what the reservoir holds (the first frames after a cut): as ffmpeg does, the
            // granules whose data start before it are silent, and a later granule that starts inside it is decoded
            int pos = 8 * (avail - mainDataBegin);
            while (missing < granules && pos < 0) {
                for (int c = 0; c < nch; c++) pos += part23[missing * 2 + c];
                missing++;
            }
            startBits(res, 0, resLen);
            if (pos >= 0) seekBits(pos);
        }
        boolean haveData = missing == 0;

        boolean jointStereo = mode == 1 && nch == 2;
        boolean ms = jointStereo && (modeExt & 2) != 0, is = jointStereo && (modeExt & 1) != 0;
        if (ms) stats[5]++;
        if (is) stats[6]++;
        if (crc) stats[7]++;
        if (!haveData) stats[8]++;
        for (int gr = 0; gr < granules; gr++) {
            for (int c = 0; c < nch; c++) {
                int gi = gr * 2 + c;
                if (gr < missing) {
                    Arrays.fill(xr[c], 0);
                    nz[c] = 0;
                    continue;
                }
                int start = bitPos();
                if (lsf) readScalefactorsLsf(gi, c, is && c == 1);
                else readScalefactors(gi, c, gr);
                int nb = bands(gi, c, sr, lsf, ms && !is ? -2 : 0);
                huffman(gi, c, start + part23[gi], nb);
                seekBits(start + part23[gi]);
            }
            if (is) intensityStereo(gr * 2 + 1, lsf, sr, ms);
            else if (ms) midSide();
            for (int c = 0; c < nch; c++) hybrid(gr * 2 + c, c, sr, lsf);
            int o = gr * 576;
            if (downmix) {
                int lim = Math.max(sbLimit[0], sbLimit[1]);
                float[] a = sbs[0], b = sbs[1];
                for (int i = 0; i < 576; i++) mix[i] = 0.5f * (a[i] + b[i]); // one flat loop (C2 vectorises it)
                Mp3Dsp.synth(synth[0], mix, 18, lim, out[0], o);
            } else {
                for (int c = 0; c < nch; c++) Mp3Dsp.synth(synth[c], sbs[c], 18, sbLimit[c], out[c], o);
            }
        }
        return granules * 576;
    }

    private void readSideInfo(boolean lsf, int nch, int sr) {
        mainDataBegin = bits(lsf ? 8 : 9);
        bits(lsf ? nch : (nch == 1 ? 5 : 3)); // private bits
        if (!lsf) for (int c = 0; c < nch; c++) scfsi[c] = bits(4);
        for (int gr = 0; gr < (lsf ? 1 : 2); gr++)
            for (int c = 0; c < nch; c++) {
                int gi = gr * 2 + c;
                part23[gi] = bits(12);
                bigValues[gi] = Math.min(bits(9), 288);
                globalGain[gi] = bits(8);
                sfCompress[gi] = bits(lsf ? 9 : 4);
                if (bits(1) == 1) { // window switching
                    int bt = bits(2);
                    blockType[gi] = bt == 0 ? 1 : bt; // 0 is forbidden here; read it as a start block
                    mixed[gi] = bits(1) == 1;
                    tableSelect[gi][0] = bits(5);
                    tableSelect[gi][1] = bits(5);
                    tableSelect[gi][2] = 0;
                    for (int w = 0; w < 3; w++) subblockGain[gi][w] = bits(3);
                    region1[gi] = blockType[gi] == 2 ? SFB_SHORT[sr][3] * 3 : SFB_LONG[sr][8];
                    region2[gi] = 576;
                } else {
                    blockType[gi] = 0;
                    mixed[gi] = false;
                    for (int r = 0; r < 3; r++) tableSelect[gi][r] = bits(5);
                    int r0 = bits(4), r1 = bits(3);
                    subblockGain[gi][0] = subblockGain[gi][1] = subblockGain[gi][2] = 0;
                    region1[gi] = SFB_LONG[sr][Math.min(r0 + 1, 22)];
                    region2[gi] = SFB_LONG[sr][Math.min(r0 + r1 + 2, 22)];
                }
                stats[blockType[gi]]++;
                if (mixed[gi]) stats[4]++;
                preflag[gi] = lsf ? 0 : bits(1);
                sfScale[gi] = bits(1);
                count1Table[gi] = bits(1);
            }
    }

    /** MPEG-1 scale factors, with scfsi reuse of granule 0's long-block factors in granule 1. */
    private void readScalefactors(int gi, int c, int gr) {
        int s1 = SLEN1[sfCompress[gi]], s2 = SLEN2[sfCompress[gi]];
        int[] l = scfL[c], s = scfS[c];
        if (blockType[gi] == 2) {
            int sfb = 0;
            if (mixed[gi]) {
                for (int b = 0; b < 8; b++) l[b] = bits(s1);
                sfb = 3;
            }
            for (; sfb < 6; sfb++) for (int w = 0; w < 3; w++) s[sfb * 3 + w] = bits(s1);
            for (; sfb < 12; sfb++) for (int w = 0; w < 3; w++) s[sfb * 3 + w] = bits(s2);
            s[36] = s[37] = s[38] = 0;
        } else {
            int[] from = {0, 6, 11, 16, 21};
            for (int g = 0; g < 4; g++) {
                if (gr == 1 && (scfsi[c] & (8 >> g)) != 0) continue; // keep granule 0's
                int slen = g < 2 ? s1 : s2;
                for (int b = from[g]; b < from[g + 1]; b++) l[b] = bits(slen);
            }
            l[21] = 0;
        }
    }

    /** MPEG-2 LSF scale factors (ISO/IEC 13818-3 2.4.3.2), incl. the intensity-stereo variant of the right channel. */
    private void readScalefactorsLsf(int gi, int c, boolean isRight) {
        int sc = sfCompress[gi], table;
        int[] slen = new int[4];
        preflag[gi] = 0;
        if (isRight) {
            sc >>= 1;
            if (sc < 180) { slen[0] = sc / 36; slen[1] = (sc % 36) / 6; slen[2] = sc % 6; table = 3; }
            else if (sc < 244) { sc -= 180; slen[0] = (sc & 63) >> 4; slen[1] = (sc & 15) >> 2; slen[2] = sc & 3; table = 4; }
            else { sc -= 244; slen[0] = sc / 3; slen[1] = sc % 3; table = 5; }
        } else {
            if (sc < 400) { slen[0] = (sc >> 4) / 5; slen[1] = (sc >> 4) % 5; slen[2] = (sc & 15) >> 2; slen[3] = sc & 3; table = 0; }
            else if (sc < 500) { sc -= 400; slen[0] = (sc >> 2) / 5; slen[1] = (sc >> 2) % 5; slen[2] = sc & 3; table = 1; }
            else { sc -= 500; slen[0] = sc / 3; slen[1] = sc % 3; table = 2; preflag[gi] = 1; }
        }
        int kind = blockType[gi] == 2 ? (mixed[gi] ? 2 : 1) : 0;
        int[] nsf = LSF_NSF[table][kind];
        int k = 0;
        for (int g = 0; g < 4; g++)
            for (int i = 0; i < nsf[g]; i++) {
                lsfMax[k] = (1 << slen[g]) - 1;
                lsfScf[k++] = bits(slen[g]);
            }
        int[] l = scfL[c], s = scfS[c];
        Arrays.fill(s, 0);
        if (kind == 0) {
            for (int b = 0; b < 21; b++) l[b] = b < k ? lsfScf[b] : 0;
            l[21] = 0;
        } else if (kind == 1) {
            for (int b = 0; b < 36; b++) s[b] = b < k ? lsfScf[b] : 0;
        } else {
            for (int b = 0; b < 6; b++) l[b] = lsfScf[b];
            for (int b = 6; b < k; b++) s[9 + b - 6] = lsfScf[b];
        }
        if (isRight) {
            if (kind == 0) for (int b = 0; b < 21; b++) isIllegalL[b] = b < k ? lsfMax[b] : -1; // untransmitted: no illegal value
            else if (kind == 1) for (int b = 0; b < 36; b++) isIllegalS[b] = b < k ? lsfMax[b] : -1;
            else {
                for (int b = 0; b < 6; b++) isIllegalL[b] = lsfMax[b];
                for (int b = 6; b < k; b++) isIllegalS[9 + b - 6] = lsfMax[b];
            }
        }
    }

    /**
     * The scale factor bands of a granule in Huffman decoding order (long bands, then for short blocks each band
     * three times, once per window), with the requantisation gain 2^(q/4) of each. Returns the band count.
     */
    private int bands(int gi, int c, int sr, boolean lsf, int gainOffset) {
        int gg = globalGain[gi] - 210 + gainOffset, shift = 1 + sfScale[gi];
        int[] l = scfL[c], s = scfS[c], sl = SFB_LONG[sr], ss = SFB_SHORT[sr];
        int n = 0;
        if (blockType[gi] != 2) {
            boolean pf = preflag[gi] != 0;
            for (int b = 0; b < 22; b++) {
                bandEnd[n] = sl[b + 1];
                bandGain[n++] = gain(gg - ((l[b] + (pf ? PRETAB[b] : 0)) << shift));
            }
            return n;
        }
        int sfb = 0, pos = 0;
        if (mixed[gi]) {
            int longBands = lsf ? 6 : 8;
            for (int b = 0; b < longBands; b++) {
                bandEnd[n] = sl[b + 1];
                bandGain[n++] = gain(gg - (l[b] << shift));
            }
            sfb = 3;
            pos = sl[longBands];
        }
        int[] sbg = subblockGain[gi];
        for (; sfb < 13; sfb++) {
            int width = ss[sfb + 1] - ss[sfb];
            for (int w = 0; w < 3; w++) {
                pos += width;
                bandEnd[n] = pos;
                bandGain[n++] = gain(gg - 8 * sbg[w] - (s[sfb * 3 + w] << shift));
            }
        }
        bandEnd[n - 1] = 576;
        return n;
    }

    /**
     * Huffman decoding of the big_values and count1 regions up to bit {@code end}, requantised on the fly:
     * xr = sign * |v|^(4/3) * 2^(q/4) of the value's band. Lines after the last decoded ones are zero.
     */
    private void huffman(int gi, int c, int end, int nBands) {
        float[] x = xr[c], g43 = POW43, lg = lineGain;
        // the gain of every line, so that the decoding loops need not track band boundaries
        for (int b = 0, from = 0; b < nBands; b++) {
            Arrays.fill(lg, from, bandEnd[b], bandGain[b]);
            from = bandEnd[b];
        }
        int bigEnd = bigValues[gi] * 2;
        long bb = this.bb;
        int bc = this.bc, bpos = this.bpos, bend = this.bend;
        byte[] bd = this.bd;
        int i = 0;
        regions:
        for (int r = 0; r < 3; r++) {
            int rEnd = Math.min(r == 0 ? region1[gi] : r == 1 ? region2[gi] : 576, bigEnd);
            int sel = tableSelect[gi][r];
            int[] lut = Mp3Huffman.LUT[sel];
            int lin = Mp3Huffman.LINBITS[sel];
            if (lut == null) {
                while (i < rEnd) x[i++] = 0;
                continue;
            }
            while (i < rEnd) {
                if (bpos * 8 - bc >= end) break regions; // part2_3_length used up: the rest of the granule is zero
                if (bc < 48) {
                    if (bpos + 8 <= bend) { // whole bytes from one big-endian load (bits past them are the same bytes' and get OR-ed again)
                        bb |= (long) BE64.get(bd, bpos) >>> bc;
                        int take = (64 - bc) >> 3;
                        bpos += take;
                        bc += take << 3;
                    } else {
                        do {
                            int b = bpos < bend ? bd[bpos] & 0xFF : 0;
                            bb |= (long) b << (56 - bc);
                            bc += 8;
                            bpos++;
                        } while (bc <= 56);
                    }
                }
                int e = lut[(int) (bb >>> (64 - Mp3Huffman.FIRST))];
                if (e < 0) e = lut[(e & 0xFFFF) + (int) ((bb << Mp3Huffman.FIRST) >>> (64 - ((e >>> 16) & 31)))];
                int ln = (e >>> 8) & 31;
                bb <<= ln;
                bc -= ln;
                int vx = (e >>> 4) & 15, vy = e & 15;
                // linbits, then the sign bit when nonzero, for x and then y; signs applied without branches
                if (vx == 15 && lin != 0) {
                    vx += (int) (bb >>> (64 - lin));
                    bb <<= lin;
                    bc -= lin;
                }
                int nx = (-vx) >>> 31, sx = (int) (bb >>> 63) & nx;
                bb <<= nx;
                bc -= nx;
                if (vy == 15 && lin != 0) {
                    vy += (int) (bb >>> (64 - lin));
                    bb <<= lin;
                    bc -= lin;
                }
                int ny = (-vy) >>> 31, sy = (int) (bb >>> 63) & ny;
                bb <<= ny;
                bc -= ny;
                x[i] = Float.intBitsToFloat(Float.floatToRawIntBits(g43[vx] * lg[i]) ^ (sx << 31));
                x[i + 1] = Float.intBitsToFloat(Float.floatToRawIntBits(g43[vy] * lg[i + 1]) ^ (sy << 31));
                i += 2;
            }
        }
        // count1 region: quadruples of values in {-1, 0, 1}
        int[] quad = Mp3Huffman.LUT[32];
        boolean tableB = count1Table[gi] == 1;
        while (i <= 572) {
            if (bpos * 8 - bc >= end) break;
            if (bc < 48) {
                if (bpos + 8 <= bend) {
                    bb |= (long) BE64.get(bd, bpos) >>> bc;
                    int take = (64 - bc) >> 3;
                    bpos += take;
                    bc += take << 3;
                } else {
                    do {
                        int b = bpos < bend ? bd[bpos] & 0xFF : 0;
                        bb |= (long) b << (56 - bc);
                        bc += 8;
                        bpos++;
                    } while (bc <= 56);
                }
            }
            int v;
            if (tableB) {
                v = ~(int) (bb >>> 60) & 15;
                bb <<= 4;
                bc -= 4;
            } else {
                int e = quad[(int) (bb >>> (64 - Mp3Huffman.FIRST))];
                int ln = (e >>> 8) & 31;
                bb <<= ln;
                bc -= ln;
                v = e & 15;
            }
            for (int k = 0; k < 4; k++) {
                // value bit set: +-gain with the next bit as sign; clear: +0 (no branch on the data)
                int bit = (v >>> (3 - k)) & 1, sign = (int) (bb >>> 63) & bit;
                bb <<= bit;
                bc -= bit;
                x[i + k] = Float.intBitsToFloat((Float.floatToRawIntBits(lg[i + k]) & -bit) ^ (sign << 31));
            }
            if (bpos * 8 - bc > end) { // the last quadruple ran past part2_3_length: it is not part of the data
                x[i] = x[i + 1] = x[i + 2] = x[i + 3] = 0;
                break;
            }
            i += 4;
        }
        Arrays.fill(x, i, 576, 0);
        nz[c] = i;
        this.bb = bb;
        this.bc = bc;
        this.bpos = bpos;
    }

    /** MS stereo without intensity stereo (the 1/sqrt(2) is in the band gains). */
    private void midSide() {
        float[] l = xr[0], r = xr[1];
        int n = Math.max(nz[0], nz[1]);
        for (int i = 0; i < n; i++) {
            float m = l[i], s = r[i];
            l[i] = m + s;
            r[i] = m - s;
        }
        nz[0] = nz[1] = n;
    }

    /**
     * Intensity stereo (with MS below the intensity bands when both are on): above the highest nonzero band of the
     * right channel (per window for short blocks), the right channel's scale factor is the intensity position and
     * both channels are scaled copies of the left one. MPEG-1: ratio tan(is_pos pi / 12), is_pos 7 = none; LSF:
     * powers of 2^(-1/4) or 2^(-1/2) (intensity_scale), 2^slen - 1 = none. The last band reuses the position of the
     * one below it.
     */
    private void intensityStereo(int gi, boolean lsf, int sr, boolean ms) {
        float[] l = xr[0], r = xr[1];
        int[] sl = SFB_LONG[sr], ss = SFB_SHORT[sr], fl = scfL[1], fs = scfS[1];
        int shortStart = 13, longEnd = 22;
        if (blockType[gi] == 2) {
            shortStart = mixed[gi] ? 3 : 0;
            longEnd = mixed[gi] ? (lsf ? 6 : 8) : 0;
        }
        int isScale = sfCompress[gi] & 1;
        boolean[] nonzeroShort = new boolean[3];
        for (int sfb = 12; sfb >= shortStart; sfb--) {
            int width = ss[sfb + 1] - ss[sfb];
            for (int w = 2; w >= 0; w--) {
                int from = 3 * ss[sfb] + w * width;
                if (!nonzeroShort[w]) {
                    for (int j = 0; j < width; j++) if (r[from + j] != 0) { nonzeroShort[w] = true; break; }
                    int b = (sfb == 12 ? 11 : sfb) * 3 + w;
                    if (!nonzeroShort[w] && isBand(l, r, from, width, fs[b], lsf ? isIllegalS[b] : 7, isScale, lsf)) continue;
                }
                if (ms) msBand(l, r, from, width);
            }
        }
        boolean nonzero = nonzeroShort[0] || nonzeroShort[1] || nonzeroShort[2];
        for (int sfb = longEnd - 1; sfb >= 0; sfb--) {
            int from = sl[sfb], width = sl[sfb + 1] - from;
            if (!nonzero) {
                for (int j = 0; j < width; j++) if (r[from + j] != 0) { nonzero = true; break; }
                int b = sfb == 21 ? 20 : sfb;
                if (!nonzero && isBand(l, r, from, width, fl[b], lsf ? isIllegalL[b] : 7, isScale, lsf)) continue;
            }
            if (ms) msBand(l, r, from, width);
        }
        nz[0] = nz[1] = 576;
    }

    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));

    private static void msBand(float[] l, float[] r, int from, int width) {
        for (int j = from; j < from + width; j++) {
            float m = l[j], s = r[j];
            l[j] = (m + s) * INV_SQRT2;
            r[j] = (m - s) * INV_SQRT2;
        }
    }

    /**
     * Applies intensity position pos to a band; false when pos is the illegal position (MPEG-1: 7; LSF: the largest
     * value of the band's scale factor length, 2^slen - 1, as ISO/IEC 13818-3 and libmad have it - ffmpeg 5.1 takes
     * every LSF position as valid).
     */
    static boolean isBand(float[] l, float[] r, int from, int width, int pos, int illegal, int isScale, boolean lsf) {
        if (pos == illegal || pos > 15 || (!lsf && pos >= 7)) return false;
        float kl, kr;
        if (!lsf) {
            kl = IS_LEFT[pos];
            kr = IS_RIGHT[pos];
        } else {
            float f = (float) Math.pow(2, -(isScale + 1) * ((pos + 1) >> 1) / 4.0);
            if (pos == 0) { kl = 1; kr = 1; }
            else if ((pos & 1) == 1) { kl = f; kr = 1; }
            else { kl = 1; kr = f; }
        }
        for (int j = from; j < from + width; j++) {
            float v = l[j];
            l[j] = v * kl;
            r[j] = v * kr;
        }
        return true;
    }

    /** Reordering, alias reduction and the IMDCT of one channel's granule into sbs[c] (time slot rows). */
    private void hybrid(int gi, int c, int sr, boolean lsf) {
        float[] x = xr[c], t = xt[c];
        int n = nz[c], lim;
        int bt = blockType[gi];
        if (bt != 2) {
            lim = Math.min(32, (n + 17) / 18);
            for (int sb = 0; sb < lim; sb++) for (int k = 0; k < 18; k++) t[k * 32 + sb] = x[sb * 18 + k];
            if (lim > 0) { // alias reduction in the interleaved layout, vectorised across the subband boundaries
                if (lim < 32) for (int k = 0; k < 18; k++) t[k * 32 + lim] = 0;
                Mp3Dsp.aliasInterleaved(t, 1, Math.min(lim, 31) + 1);
                lim = Math.min(32, lim + 1);
            }
        } else {
            Arrays.fill(t, 0); // short bands need not end on a subband boundary: the last subband may be partly written
            int[] ss = SFB_SHORT[sr];
            int sfb0 = 0;
            lim = 0;
            if (mixed[gi]) {
                alias(x, 18);
                for (int sb = 0; sb < 2; sb++) for (int k = 0; k < 18; k++) t[k * 32 + sb] = x[sb * 18 + k];
                sfb0 = 3;
                for (int i = 36; i < 3 * ss[3]; i++) t[(i % 18) * 32 + i / 18] = x[i]; // 8 kHz: lines 36..71
                lim = 3 * ss[3] / 18;
            }
            for (int sfb = sfb0; sfb < 13 && 3 * ss[sfb] < n; sfb++) {
                int width = ss[sfb + 1] - ss[sfb];
                for (int w = 0; w < 3; w++) {
                    int src = 3 * ss[sfb] + w * width;
                    for (int j = 0; j < width; j++) {
                        int f = ss[sfb] + j;
                        t[(3 * (f % 6) + w) * 32 + f / 6] = x[src + j];
                    }
                }
                lim = Math.max(lim, (ss[sfb + 1] + 5) / 6);
            }
        }
        float[] o = sbs[c], v = ov[c];
        int run = Math.max(lim, ovLimit[c]);
        int l = Mp3Dsp.VECTOR ? Mp3VectorDsp.lanes() : 1;
        int runV = Math.min(32, (run + l - 1) / l * l);
        // the transform reads subbands [0, runV): those from lim on carry no lines (long blocks wrote every row below lim)
        if (lim < runV) for (int k = 0; k < 18; k++) Arrays.fill(t, k * 32 + lim, k * 32 + runV, 0);
        if (runV > 0) {
            if (bt != 2) Mp3Dsp.imdctLong(t, v, o, WINDOW[bt], 0, runV);
            else if (!mixed[gi]) Mp3Dsp.imdctShort(t, v, o, 0, runV);
            else {
                Mp3Dsp.imdctLongScalar(t, v, o, WINDOW[0], 0, 2);
                Mp3Dsp.imdctShortScalar(t, v, o, 2, Math.max(2, run));
                for (int s = Math.max(2, run); s < runV; s++) for (int k = 0; k < 18; k++) o[k * 32 + s] = 0;
            }
        }
        if (runV < 32) for (int k = 0; k < 18; k++) Arrays.fill(o, k * 32 + runV, k * 32 + 32, 0);
        ovLimit[c] = lim;
        sbLimit[c] = runV;
    }

    /** Alias-reduction butterflies across the boundary at line b (between subbands b/18 - 1 and b/18). */
    private static void alias(float[] x, int b) {
        for (int i = 0; i < 8; i++) {
            float lo = x[b - 1 - i], hi = x[b + i];
            x[b - 1 - i] = lo * CS[i] - hi * CA[i];
            x[b + i] = hi * CS[i] + lo * CA[i];
        }
    }
}
