package dev.segue.dsp.io;

/** Constant tables of MPEG audio Layer III (ISO/IEC 11172-3 and 13818-3) and the ones derived from their formulas. */
final class Mp3Tables {
    private Mp3Tables() {}

    /** Bit rates in kbit/s of Layer III: [0] MPEG-1, [1] MPEG-2 and 2.5 (LSF); index 0 = free format, 15 = invalid. */
    static final int[][] BITRATE = {
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};
    /** Sampling rates by rate index 0-8: MPEG-1 44.1/48/32 kHz, MPEG-2 22.05/24/16, MPEG-2.5 11.025/12/8. */
    static final int[] SAMPLE_RATE = {44100, 48000, 32000, 22050, 24000, 16000, 11025, 12000, 8000};

    /** Scale factor band boundaries of long blocks (23 per rate index, in frequency lines). */
    static final int[][] SFB_LONG = new int[9][];
    /** Scale factor band boundaries of short blocks (14 per rate index, in lines of one window). */
    static final int[][] SFB_SHORT = new int[9][];
    static {
        int[][] longWidths = {
                {4, 4, 4, 4, 4, 4, 6, 6, 8, 8, 10, 12, 16, 20, 24, 28, 34, 42, 50, 54, 76, 158},
                {4, 4, 4, 4, 4, 4, 6, 6, 6, 8, 10, 12, 16, 18, 22, 28, 34, 40, 46, 54, 54, 192},
                {4, 4, 4, 4, 4, 4, 6, 6, 8, 10, 12, 16, 20, 24, 30, 38, 46, 56, 68, 84, 102, 26},
                {6, 6, 6, 6, 6, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 38, 46, 52, 60, 68, 58, 54},
                {6, 6, 6, 6, 6, 6, 8, 10, 12, 14, 16, 18, 22, 26, 32, 38, 46, 54, 62, 70, 76, 36}, // ffmpeg <= 5.1: 52, 64
                {6, 6, 6, 6, 6, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 38, 46, 52, 60, 68, 58, 54},
                {6, 6, 6, 6, 6, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 38, 46, 52, 60, 68, 58, 54},
                {6, 6, 6, 6, 6, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 38, 46, 52, 60, 68, 58, 54},
                {12, 12, 12, 12, 12, 12, 16, 20, 24, 28, 32, 40, 48, 56, 64, 76, 90, 2, 2, 2, 2, 2}};
        int[][] shortWidths = {
                {4, 4, 4, 4, 6, 8, 10, 12, 14, 18, 22, 30, 56},
                {4, 4, 4, 4, 6, 6, 10, 12, 14, 16, 20, 26, 66},
                {4, 4, 4, 4, 6, 8, 12, 16, 20, 26, 34, 42, 12},
                {4, 4, 4, 6, 6, 8, 10, 14, 18, 26, 32, 42, 18},
                {4, 4, 4, 6, 8, 10, 12, 14, 18, 24, 32, 44, 12},
                {4, 4, 4, 6, 8, 10, 12, 14, 18, 24, 30, 40, 18},
                {4, 4, 4, 6, 8, 10, 12, 14, 18, 24, 30, 40, 18},
                {4, 4, 4, 6, 8, 10, 12, 14, 18, 24, 30, 40, 18},
                {8, 8, 8, 12, 16, 20, 24, 28, 36, 2, 2, 2, 26}};
        for (int r = 0; r < 9; r++) {
            SFB_LONG[r] = cumulative(longWidths[r]);
            SFB_SHORT[r] = cumulative(shortWidths[r]);
            if (SFB_LONG[r][22] != 576 || SFB_SHORT[r][13] != 192) throw new IllegalStateException("band table " + r);
        }
    }

    private static int[] cumulative(int[] w) {
        int[] c = new int[w.length + 1];
        for (int i = 0; i < w.length; i++) c[i + 1] = c[i] + w[i];
        return c;
    }

    /** MPEG-1 scale factor lengths slen1, slen2 by scalefac_compress. */
    static final int[] SLEN1 = {0, 0, 0, 0, 3, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4};
    static final int[] SLEN2 = {0, 1, 2, 3, 0, 1, 2, 3, 1, 2, 3, 1, 2, 3, 2, 3};
    /** Pre-emphasis of the long bands (preflag). */
    static final int[] PRETAB = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 3, 2, 0};
    /** MPEG-2 LSF: number of scale factors per slen group [table][block kind: long, short, mixed][group]. */
    static final int[][][] LSF_NSF = {
            {{6, 5, 5, 5}, {9, 9, 9, 9}, {6, 9, 9, 9}},
            {{6, 5, 7, 3}, {9, 9, 12, 6}, {6, 9, 12, 6}},
            {{11, 10, 0, 0}, {18, 18, 0, 0}, {15, 18, 0, 0}},
            {{7, 7, 7, 0}, {12, 12, 12, 0}, {6, 15, 12, 0}},
            {{6, 6, 6, 3}, {12, 9, 9, 6}, {6, 12, 9, 6}},
            {{8, 8, 5, 0}, {15, 12, 9, 0}, {6, 18, 9, 0}}};

    /** |x|^(4/3) for the quantised values 0..8206 (15 + 2^13 - 1), computed in double. */
    static final float[] POW43 = new float[8207];
    /** 2^(q/4) for q = 0..3 (the quarter-step fraction of a gain exponent). */
    static final float[] POW2_QUARTER = new float[4];
    static {
        for (int i = 0; i < POW43.length; i++) POW43[i] = (float) Math.pow(i, 4.0 / 3.0);
        for (int i = 0; i < 4; i++) POW2_QUARTER[i] = (float) Math.pow(2, i / 4.0);
    }

    /** 2^(q/4) for any integer q (exact power-of-two scaling of the fraction). */
    static float gain(int q) { return Math.scalb(POW2_QUARTER[q & 3], q >> 2); }

    /** Alias reduction butterflies: cs[i] = 1/sqrt(1+c[i]^2), ca[i] = c[i]/sqrt(1+c[i]^2). */
    static final float[] CS = new float[8], CA = new float[8];
    static {
        double[] c = {-0.6, -0.535, -0.33, -0.185, -0.095, -0.041, -0.0142, -0.0037};
        for (int i = 0; i < 8; i++) {
            double s = Math.sqrt(1 + c[i] * c[i]);
            CS[i] = (float) (1 / s);
            CA[i] = (float) (c[i] / s);
        }
    }

    /** MPEG-1 intensity stereo: left and right factors by is_pos 0..6 (tan(is_pos*pi/12) ratio). */
    static final float[] IS_LEFT = new float[7], IS_RIGHT = new float[7];
    static {
        for (int p = 0; p < 7; p++) {
            double r = Math.tan(p * Math.PI / 12);
            IS_LEFT[p] = (float) (r / (1 + r));
            IS_RIGHT[p] = (float) (1 / (1 + r));
        }
    }

    /**
     * The IMDCT windows of block types 0, 1 and 3 (36 taps each; index 2 holds the 12-tap short window), from the
     * standard's formulas.
     */
    static final float[][] WINDOW = new float[4][];
    static {
        float[] w0 = new float[36], w1 = new float[36], w3 = new float[36], w2 = new float[12];
        for (int i = 0; i < 36; i++) w0[i] = (float) Math.sin(Math.PI / 36 * (i + 0.5));
        for (int i = 0; i < 18; i++) w1[i] = w0[i];
        for (int i = 18; i < 24; i++) w1[i] = 1;
        for (int i = 24; i < 30; i++) w1[i] = (float) Math.sin(Math.PI / 12 * (i - 18 + 0.5));
        for (int i = 6; i < 12; i++) w3[i] = (float) Math.sin(Math.PI / 12 * (i - 6 + 0.5));
        for (int i = 12; i < 18; i++) w3[i] = 1;
        for (int i = 18; i < 36; i++) w3[i] = w0[i];
        for (int i = 0; i < 12; i++) w2[i] = (float) Math.sin(Math.PI / 12 * (i + 0.5));
        WINDOW[0] = w0;
        WINDOW[1] = w1;
        WINDOW[2] = w2;
        WINDOW[3] = w3;
    }

    /**
     * The synthesis window D[0..511] of the standard (Table 3-B.3). Its entries are integer multiples of 2^-16; the
     * first 257 are listed below (D[256] the peak), the rest follow from the window's symmetry
     * D[512 - i] = -D[i] for i not a multiple of 64 and D[512 - i] = D[i] for i = 64, 128, 192.
     */
    static final float[] SYNTH_WINDOW = new float[512];
    static {
        int[] d = {
                0, -1, -1, -1, -1, -1, -1, -2, -2, -2, -2, -3, -3, -4, -4, -5,
                -5, -6, -7, -7, -8, -9, -10, -11, -13, -14, -16, -17, -19, -21, -24, -26,
                -29, -31, -35, -38, -41, -45, -49, -53, -58, -63, -68, -73, -79, -85, -91, -97,
                -104, -111, -117, -125, -132, -139, -147, -154, -161, -169, -176, -183, -190, -196, -202, -208,
                213, 218, 222, 225, 227, 228, 228, 227, 224, 221, 215, 208, 200, 189, 177, 163,
                146, 127, 106, 83, 57, 29, -2, -36, -72, -111, -153, -197, -244, -294, -347, -401,
                -459, -519, -581, -645, -711, -779, -848, -919, -991, -1064, -1137, -1210, -1283, -1356, -1428, -1498,
                -1567, -1634, -1698, -1759, -1817, -1870, -1919, -1962, -2001, -2032, -2057, -2075, -2085, -2087, -2080, -2063,
                2037, 2000, 1952, 1893, 1822, 1739, 1644, 1535, 1414, 1280, 1131, 970, 794, 605, 402, 185,
                -45, -288, -545, -814, -1095, -1388, -1692, -2006, -2330, -2663, -3004, -3351, -3705, -4063, -4425, -4788,
                -5153, -5517, -5879, -6237, -6589, -6935, -7271, -7597, -7910, -8209, -8491, -8755, -8998, -9219, -9416, -9585,
                -9727, -9838, -9916, -9959, -9966, -9935, -9863, -9750, -9592, -9389, -9139, -8840, -8492, -8092, -7640, -7134,
                6574, 5959, 5288, 4561, 3776, 2935, 2037, 1082, 70, -998, -2122, -3300, -4533, -5818, -7154, -8540,
                -9975, -11455, -12980, -14548, -16155, -17799, -19478, -21189, -22929, -24694, -26482, -28289, -30112, -31947, -33791, -35640,
                -37489, -39336, -41176, -43006, -44821, -46617, -48390, -50137, -51853, -53534, -55178, -56778, -58333, -59838, -61289, -62684,
                -64019, -65290, -66494, -67629, -68692, -69679, -70590, -71420, -72169, -72835, -73415, -73908, -74313, -74630, -74856, -74992,
                75038};
        for (int i = 0; i <= 256; i++) {
            float v = d[i] / 65536f;
            SYNTH_WINDOW[i] = v;
            if (i > 0 && i < 256) SYNTH_WINDOW[512 - i] = (i & 63) != 0 ? -v : v;
        }
    }
}
