package dev.segue.recsys.train;

/**
 * A trained next-item model behind {@code segue recommend}: a session of dense item ids (1…V−1, oldest
 * first) → the k best continuations. Both trainers' models implement it; {@link RunRecommenders}
 * opens the right one from a run folder.
 */
public interface Recommender {

    /** Dense ids best first, with their scores (same length, at most k). */
    record Recommendations(int[] items, float[] scores) {}

    Recommendations recommend(int[] session, int k);

    /** Number of dense ids including padding 0. */
    int vocabSize();
}
