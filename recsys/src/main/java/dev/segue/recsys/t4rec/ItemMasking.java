package dev.segue.recsys.t4rec;

import dev.segue.core.Rng;

/**
 * Which positions of a right-padded batch are masked, exactly as Transformers4Rec's
 * {@code MaskedLanguageModeling._compute_masked_targets} decides:
 * <ol>
 * <li>training: every non-pad item is masked with probability p (independently);</li>
 * <li>then one non-pad position per session, drawn uniformly, is masked too (always, even when some
 *     already are — so a session has at least one);</li>
 * <li>a session whose non-pad items are now all masked gets one of them, drawn uniformly, unmasked
 *     (so a session of length 1 ends with nothing masked and adds nothing to the loss);</li>
 * <li>evaluation: only the last non-pad item is masked.</li>
 * </ol>
 * No 80/10/10 rule: masked positions always receive the [MASK] vector.
 */
public final class ItemMasking {
    private ItemMasking() {}

    /** ids [B, T] row-major, 0 = padding → mask [B, T]. Draws from {@code rng} only when training. */
    public static boolean[] training(int[] ids, int b, int t, double p, Rng rng) {
        check(ids, b, t);
        boolean[] mask = new boolean[b * t];
        for (int s = 0; s < b; s++) {
            int len = length(ids, s, t);
            // step 1: Bernoulli(p) on every position, kept only on items (torch.bernoulli draws for pads too)
            for (int j = 0; j < t; j++) {
                boolean coin = rng.nextDouble() < p;
                mask[s * t + j] = coin && ids[s * t + j] != 0;
            }
            if (len == 0) continue;
            // step 2: one uniformly chosen item is always masked
            mask[s * t + nonPadAt(ids, s, t, rng.nextInt(len))] = true;
            // step 3: never all: unmask one uniformly chosen masked item
            int masked = 0;
            for (int j = 0; j < t; j++) if (mask[s * t + j]) masked++;
            if (masked == len) {
                int pick = rng.nextInt(masked);
                for (int j = 0, seen = 0; j < t; j++)
                    if (mask[s * t + j] && seen++ == pick) { mask[s * t + j] = false; break; }
            }
        }
        return mask;
    }

    /** Evaluation: the last non-pad item of every session (none for an empty row). */
    public static boolean[] lastItem(int[] ids, int b, int t) {
        check(ids, b, t);
        boolean[] mask = new boolean[b * t];
        for (int s = 0; s < b; s++) {
            int len = length(ids, s, t);
            if (len > 0) mask[s * t + lastNonPad(ids, s, t)] = true;
        }
        return mask;
    }

    /** Number of non-pad items in row s. */
    static int length(int[] ids, int s, int t) {
        int n = 0;
        for (int j = 0; j < t; j++) if (ids[s * t + j] != 0) n++;
        return n;
    }

    private static int lastNonPad(int[] ids, int s, int t) {
        for (int j = t - 1; j >= 0; j--) if (ids[s * t + j] != 0) return j;
        return -1;
    }

    /** Column of the k-th (0-based) non-pad item of row s. */
    private static int nonPadAt(int[] ids, int s, int t, int k) {
        for (int j = 0, seen = 0; j < t; j++) if (ids[s * t + j] != 0 && seen++ == k) return j;
        throw new IllegalStateException("row " + s + " has fewer than " + (k + 1) + " items");
    }

    private static void check(int[] ids, int b, int t) {
        if (ids.length != b * t) throw new IllegalArgumentException("ids has " + ids.length + " entries, expected [" + b + ", " + t + "]");
    }
}
