package dev.segue.recsys.data;

/**
 * Dense item ids for models: 0 is padding, the tracks that occur in the sessions get 1…N in order of
 * first appearance (sessions in their stored order), so the numbering is deterministic.
 */
public final class ItemVocabulary {
    private final IdDictionary tracks;
    private final int[] trackToDense;
    private final int[] denseToTrack;

    private ItemVocabulary(IdDictionary tracks, int[] trackToDense, int[] denseToTrack) {
        this.tracks = tracks;
        this.trackToDense = trackToDense;
        this.denseToTrack = denseToTrack;
    }

    public static ItemVocabulary of(Sessions s) {
        int[] t2d = new int[s.tracks().size()];
        java.util.Arrays.fill(t2d, -1);
        it.unimi.dsi.fastutil.ints.IntArrayList d2t = new it.unimi.dsi.fastutil.ints.IntArrayList();
        d2t.add(-1);
        for (int t : s.items()) {
            if (t2d[t] < 0) {
                t2d[t] = d2t.size();
                d2t.add(t);
            }
        }
        return new ItemVocabulary(s.tracks(), t2d, d2t.toIntArray());
    }

    /** Number of ids including padding: N + 1. */
    public int size() { return denseToTrack.length; }

    /** Dense id of a track index, or -1 when the track is in no session. */
    public int dense(int track) { return trackToDense[track]; }

    /** Track index of a dense id ≥ 1. */
    public int track(int dense) { return denseToTrack[dense]; }

    /** The original string id of a dense id ≥ 1. */
    public String trackId(int dense) { return tracks.id(denseToTrack[dense]); }

    /** The items of session s as dense ids. */
    public int[] denseItems(Sessions s, int session) {
        int[] out = s.items(session);
        for (int k = 0; k < out.length; k++) out[k] = trackToDense[out[k]];
        return out;
    }

    /** How often every dense id occurs in the given sessions: the popularity models use, from training data only. */
    public long[] counts(Sessions s, int[] sessionIndices) {
        long[] c = new long[size()];
        for (int si : sessionIndices)
            for (int k = s.offsets()[si]; k < s.offsets()[si + 1]; k++) c[trackToDense[s.items()[k]]]++;
        return c;
    }
}
