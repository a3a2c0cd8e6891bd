package dev.segue.recsys.eval;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.ints.IntSet;

/**
 * Playlist-continuation metrics of one query (the RTA protocol, Bendada et al., SIGIR 2023): a list of
 * recommendations (500 in the study) against the set G of withheld songs.
 *
 * <ul>
 *   <li>precision = |recs ∩ G| / |recs|, recall = |recs ∩ G| / |G|;</li>
 *   <li>R-precision = (|recs[0, |G|) ∩ G| + 0.25 · |A(S) ∩ A(G)|) / |G|, where A(·) is the set of
 *       distinct artists; the reference code takes S = all recommendations, the RecSys Challenge 2018
 *       takes S = the first |G|. Both are reported because they differ a lot with 500 recommendations;</li>
 *   <li>NDCG = Σ rel_i / log2(i+2) over the list, divided by the IDCG of |G| hits (not capped by the
 *       list length, as in the reference code);</li>
 *   <li>clicks = ⌊(index of the first hit) / 10⌋, or 51 when there is none (one click shows 10 more);</li>
 *   <li>popularity = mean over the list of the training-count popularity, min-max normalised over the
 *       catalogue. Coverage is a property of all lists together: see {@link ContinuationProtocol}.</li>
 * </ul>
 * Seed songs are removed from the list before scoring (the protocol forbids recommending them). An
 * item repeated in the list counts once. An empty G has no defined value: every metric is NaN.
 */
public final class ContinuationMetrics {

    private final int[] itemArtist;
    private final double[] normalisedPopularity;

    /**
     * @param itemArtist artist index of every dense item id (index 0 = padding, ignored)
     * @param popularity training counts of every dense item id; min and max are taken over ids 1…N
     */
    public ContinuationMetrics(int[] itemArtist, long[] popularity) {
        if (itemArtist.length != popularity.length)
            throw new IllegalArgumentException("itemArtist has " + itemArtist.length + " entries, popularity " + popularity.length);
        this.itemArtist = itemArtist;
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 1; i < popularity.length; i++) {
            min = Math.min(min, popularity[i]);
            max = Math.max(max, popularity[i]);
        }
        normalisedPopularity = new double[popularity.length];
        double span = max - min;
        for (int i = 1; i < popularity.length; i++)
            normalisedPopularity[i] = span > 0 ? (popularity[i] - min) / span : 0;
    }

    /** Removes the seeds (and keeps the order); the list the metrics are computed on. */
    public static int[] withoutSeeds(int[] recs, IntSet seeds) {
        if (seeds.isEmpty()) return recs;
        int n = 0;
        int[] out = new int[recs.length];
        for (int item : recs) if (!seeds.contains(item)) out[n++] = item;
        return n == recs.length ? recs : java.util.Arrays.copyOf(out, n);
    }

    /** {@code result[metric.ordinal()]} for every {@link ContinuationMetric}. */
    public double[] compute(int[] recs, IntSet seeds, IntSet truth) {
        double[] out = new double[ContinuationMetric.values().length];
        int g = truth.size();
        if (g == 0) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        int[] list = withoutSeeds(recs, seeds);
        IntSet seen = new IntOpenHashSet(list.length * 2);
        IntSet truthArtists = new IntOpenHashSet();
        for (int item : truth) truthArtists.add(itemArtist[item]);
        IntSet artistsAll = new IntOpenHashSet();
        IntSet artistsTopG = new IntOpenHashSet();
        int hits = 0, hitsTopG = 0, firstHit = -1;
        double dcg = 0, pop = 0;
        for (int i = 0; i < list.length; i++) {
            int item = list[i];
            pop += normalisedPopularity[item];
            int artist = itemArtist[item];
            if (truthArtists.contains(artist)) {
                artistsAll.add(artist);
                if (i < g) artistsTopG.add(artist);
            }
            if (!truth.contains(item) || !seen.add(item)) continue;
            hits++;
            if (i < g) hitsTopG++;
            dcg += NextItemMetrics.discount(i);
            if (firstHit < 0) firstHit = i;
        }
        double idcg = 0;
        for (int i = 0; i < g; i++) idcg += NextItemMetrics.discount(i);
        out[ContinuationMetric.PRECISION.ordinal()] = list.length == 0 ? 0 : (double) hits / list.length;
        out[ContinuationMetric.RECALL.ordinal()] = (double) hits / g;
        out[ContinuationMetric.R_PRECISION.ordinal()] = (hitsTopG + 0.25 * artistsAll.size()) / g;
        out[ContinuationMetric.R_PRECISION_CHALLENGE.ordinal()] = (hitsTopG + 0.25 * artistsTopG.size()) / g;
        out[ContinuationMetric.NDCG.ordinal()] = dcg / idcg;
        out[ContinuationMetric.CLICKS.ordinal()] = firstHit < 0 ? 51 : firstHit / 10;
        out[ContinuationMetric.POPULARITY.ordinal()] = list.length == 0 ? 0 : pop / list.length;
        return out;
    }
}
