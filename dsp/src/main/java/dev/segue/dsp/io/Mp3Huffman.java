package dev.segue.dsp.io;

/**
 * Table-driven decoding of the Layer III Huffman codes: a first-level table indexed by the next {@link #FIRST} bits
 * of the stream gives the symbol and its length directly for codes of up to {@code FIRST} bits, or points to a
 * second-level table indexed by the bits that follow (codes are at most 19 bits long), so one symbol costs one or
 * two lookups instead of a walk down a binary tree.
 *
 * <p>Entry format: a leaf is {@code len << 8 | x << 4 | y} (pair tables) or {@code len << 8 | vwxy} (count1
 * table A), always >= 0; a link is {@code 0x80000000 | subBits << 16 | offset} into the same array.
 */
final class Mp3Huffman {
    private Mp3Huffman() {}

    static final int FIRST = 8;

    /** Lookup tables per table_select 0-31 (null for 0, 4 and 14: they code nothing), and count1 table A at 32. */
    static final int[][] LUT = new int[33][];
    /** linbits of tables 0-31. */
    static final int[] LINBITS = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            1, 2, 3, 4, 6, 8, 10, 13, 4, 5, 6, 7, 8, 9, 11, 13};
    /** Codes of each distinct table (index = table number as in the data; 32 = A, 33 = B): len[] and code[] per entry. */
    static final int[][] LENS = new int[34][], CODES = new int[34][];
    /** Row length (ylen) of the pair tables. */
    static final int[] YLEN = new int[34];

    static {
        for (String t : Mp3HuffmanData.TABLES) {
            int bar = t.indexOf('|');
            int id = Integer.parseInt(t.substring(0, bar));
            String[] e = t.substring(bar + 1).trim().split(" +");
            int[] len = new int[e.length], code = new int[e.length];
            for (int i = 0; i < e.length; i++) {
                int dot = e[i].indexOf('.');
                len[i] = Integer.parseInt(e[i].substring(0, dot));
                code[i] = Integer.parseInt(e[i].substring(dot + 1), 16);
            }
            LENS[id] = len;
            CODES[id] = code;
            YLEN[id] = id >= 32 ? 16 : (int) Math.round(Math.sqrt(e.length));
        }
        for (int sel = 1; sel < 32; sel++) {
            int base = sel >= 24 ? 24 : sel >= 16 ? 16 : sel;
            if (LENS[base] == null) continue; // 4, 14
            LUT[sel] = sel == base ? build(LENS[base], CODES[base], YLEN[base], false) : LUT[base];
        }
        LUT[32] = build(LENS[32], CODES[32], 16, true);
    }

    /** Builds the two-level table of one code. */
    static int[] build(int[] len, int[] code, int ylen, boolean quad) {
        int n = len.length;
        int[] symbol = new int[n];
        for (int i = 0; i < n; i++) symbol[i] = quad ? i : (i / ylen) << 4 | (i % ylen);
        // sizes of the second-level tables: for each first-level prefix, the longest code below it
        int[] subBits = new int[1 << FIRST];
        for (int i = 0; i < n; i++)
            if (len[i] > FIRST) {
                int p = code[i] >>> (len[i] - FIRST);
                subBits[p] = Math.max(subBits[p], len[i] - FIRST);
            }
        int size = 1 << FIRST;
        int[] offset = new int[1 << FIRST];
        for (int p = 0; p < (1 << FIRST); p++) if (subBits[p] > 0) { offset[p] = size; size += 1 << subBits[p]; }
        int[] t = new int[size];
        java.util.Arrays.fill(t, -1);
        for (int p = 0; p < (1 << FIRST); p++) if (subBits[p] > 0) t[p] = 0x80000000 | subBits[p] << 16 | offset[p];
        for (int i = 0; i < n; i++) {
            int l = len[i], c = code[i], leaf = l << 8 | symbol[i];
            if (l <= FIRST) {
                int from = c << (FIRST - l);
                for (int k = 0; k < 1 << (FIRST - l); k++) t[from + k] = leaf;
            } else {
                int p = c >>> (l - FIRST), sb = subBits[p], rest = c & ((1 << (l - FIRST)) - 1);
                int from = offset[p] + (rest << (sb - (l - FIRST)));
                for (int k = 0; k < 1 << (sb - (l - FIRST)); k++) t[from + k] = leaf;
            }
        }
        for (int v : t) if (v == -1) throw new IllegalStateException("incomplete Huffman code");
        return t;
    }

    /**
     * Decodes one symbol from the left-aligned bit window {@code bits} (at least 19 valid bits): returns the leaf
     * entry (length in bits 8-12, symbol in bits 0-7). The hot loop in {@link Mp3Layer3} inlines the same steps.
     */
    static int lookup(int[] lut, long bits) {
        int e = lut[(int) (bits >>> (64 - FIRST))];
        if (e < 0) e = lut[(e & 0xFFFF) + (int) ((bits << FIRST) >>> (64 - ((e >>> 16) & 31)))];
        return e;
    }

    /**
     * Reference decoder for tests: reads one bit at a time and compares the prefix against every code word of the
     * table (the definition of a prefix code, no tables). Returns {@code len << 8 | symbol} or -1.
     */
    static int decodeBitByBit(int id, long bits) {
        int[] len = LENS[id], code = CODES[id];
        int prefix = 0;
        for (int l = 1; l <= 19; l++) {
            prefix = prefix << 1 | (int) ((bits >>> (64 - l)) & 1);
            for (int i = 0; i < len.length; i++)
                if (len[i] == l && code[i] == prefix)
                    return l << 8 | (id >= 32 ? i : (i / YLEN[id]) << 4 | (i % YLEN[id]));
        }
        return -1;
    }
}
