package dev.segue.recsys.rta;

import dev.segue.core.Shape;

/**
 * One training batch: {@code x} [B, L] windows of consecutive songs, right-padded with 0 (L = the
 * longest window), and {@code candidates} [B, nNeg] negative candidates drawn uniformly from the items
 * not in the window's session. Row-major long arrays, as the engine's index tensors take them.
 */
public record RtaBatch(int size, int length, long[] x, int nNeg, long[] candidates) {

    public RtaBatch {
        if (x.length != (long) size * length || candidates.length != (long) size * nNeg)
            throw new IllegalArgumentException("rta batch: x has " + x.length + " ids for " + Shape.str(new int[] {size, length})
                    + ", candidates " + candidates.length + " for " + Shape.str(new int[] {size, nNeg}));
        if (length < 2) throw new IllegalArgumentException("rta batch: windows need at least 2 songs, got length " + length);
    }
}
