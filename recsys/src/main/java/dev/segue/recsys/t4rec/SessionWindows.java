package dev.segue.recsys.t4rec;

/**
 * Fixed-width, right-padded rows of session items, as the model reads them: the last {@code maxLen}
 * items of each session (Transformers4Rec truncates to the most recent ones), padding 0 after them.
 * Every batch is padded to maxLen (not to its longest session), because Transformers4Rec's XLNet sees
 * the padding positions too; so a session's scores never depend on which batch it is in.
 */
public final class SessionWindows {
    private SessionWindows() {}

    /** Writes session {@code items} into row {@code row} of {@code out} [*, maxLen]. */
    public static void fill(int[] items, int maxLen, int[] out, int row) {
        int n = Math.min(items.length, maxLen), from = items.length - n;
        for (int j = 0; j < maxLen; j++) out[row * maxLen + j] = j < n ? items[from + j] : 0;
    }

    /**
     * The inference row: the last maxLen−1 items followed by a [MASK] slot (id 0 in {@code ids}, true in
     * {@code mask}); the model's hidden state at the returned column scores the next item.
     */
    public static int appendMask(int[] items, int maxLen, int[] ids, boolean[] mask, int row) {
        if (items.length == 0) throw new IllegalArgumentException("an empty session has nothing to continue");
        int n = Math.min(items.length, maxLen - 1), from = items.length - n;
        for (int j = 0; j < maxLen; j++) {
            ids[row * maxLen + j] = j < n ? items[from + j] : 0;
            mask[row * maxLen + j] = j == n;
        }
        return n;
    }
}
