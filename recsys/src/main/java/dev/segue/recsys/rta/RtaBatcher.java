package dev.segue.recsys.rta;

import dev.segue.core.Rng;
import dev.segue.recsys.data.SessionCsr;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the batches of one epoch as the reference data loader does: sessions shuffled; a session
 * longer than {@code maxSize} contributes a window of {@code maxSize} consecutive songs at a uniform
 * random start, a shorter one all of it; per session {@code nNeg} distinct candidates uniform over
 * items 1…V−1 that are not in the session. Sessions of fewer than 2 songs have no target and are
 * skipped. Every draw comes from the epoch's own generator (seed, epoch), so a resumed run rebuilds
 * exactly the batches of the interrupted one.
 *
 * <p>Deviations from the reference's {@code SequentialTrainDataset}: its window start is
 * {@code np.random.randint(0, l − max_size)}, whose upper bound is exclusive, so the window ending at a
 * session's last song is never drawn (a session of max_size + 1 songs always starts at 0); here all
 * l − max_size + 1 starts are equally likely. Its negatives come from one shuffled permutation of the
 * ids 0…N read in chunks (so padding id 0 can be drawn) and are returned as a Python set, whose order
 * puts small ids first, so its "first n_easy" are not a uniform choice; here candidates are uniform
 * over 1…V−1 and the easy ones are the first drawn.
 */
public final class RtaBatcher {
    private final SessionCsr sessions;
    private final int[] usable;
    private final int items, maxSize, nNeg, batchSize;
    private final long seed;

    public RtaBatcher(SessionCsr sessions, int items, int maxSize, int nNeg, int batchSize, long seed) {
        this.sessions = sessions;
        this.items = items;
        this.maxSize = maxSize;
        this.nNeg = nNeg;
        this.batchSize = batchSize;
        this.seed = seed;
        int n = 0;
        int[] u = new int[sessions.count()];
        for (int s = 0; s < sessions.count(); s++) if (sessions.length(s) >= 2) u[n++] = s;
        usable = java.util.Arrays.copyOf(u, n);
        if (n == 0) throw new IllegalArgumentException("rta: no training session has 2 or more songs");
        if (items - 1 <= nNeg) throw new IllegalArgumentException("rta: " + (items - 1) + " items cannot give " + nNeg + " negatives per session");
    }

    public int sessions() { return usable.length; }

    public int batchesPerEpoch() { return (usable.length + batchSize - 1) / batchSize; }

    /** The generator of an epoch (0-based). */
    Rng epochRng(int epoch) { return new Rng(seed * 0x9E3779B97F4A7C15L + 0xD1B54A32D192ED03L * (epoch + 1)); }

    /** All batches of an epoch, in order. */
    public List<RtaBatch> epoch(int epoch) {
        Rng rng = epochRng(epoch);
        int[] order = usable.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        List<RtaBatch> out = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            int b = Math.min(batchSize, order.length - from);
            out.add(batch(java.util.Arrays.copyOfRange(order, from, from + b), rng));
        }
        return out;
    }

    RtaBatch batch(int[] sessionIds, Rng rng) {
        int b = sessionIds.length;
        int[][] windows = new int[b][];
        int len = 0;
        long[] cand = new long[b * nNeg];
        for (int i = 0; i < b; i++) {
            int[] s = sessions.session(sessionIds[i]);
            int start = s.length > maxSize ? rng.nextInt(s.length - maxSize + 1) : 0;
            windows[i] = java.util.Arrays.copyOfRange(s, start, Math.min(s.length, start + maxSize));
            len = Math.max(len, windows[i].length);
            IntOpenHashSet taken = new IntOpenHashSet(s);
            if (items - 1 - taken.size() < nNeg)
                throw new IllegalArgumentException("rta: session " + sessionIds[i] + " holds " + taken.size() + " of " + (items - 1)
                        + " items; fewer than n_neg " + nNeg + " remain as negatives");
            for (int k = 0; k < nNeg; k++) {
                int c;
                do { c = 1 + rng.nextInt(items - 1); } while (!taken.add(c));
                cand[i * nNeg + k] = c;
            }
        }
        long[] x = new long[b * len];
        for (int i = 0; i < b; i++) for (int t = 0; t < windows[i].length; t++) x[i * len + t] = windows[i][t];
        return new RtaBatch(b, len, x, nNeg, cand);
    }
}
