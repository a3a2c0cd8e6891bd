package dev.segue.recsys.eval;

/** The playlist-continuation (RTA) metrics of one query, in the order {@link ContinuationMetrics} reports them. */
public enum ContinuationMetric {
    PRECISION("precision"),
    RECALL("recall"),
    /** R-precision as the RTA reference code computes it: the artist credit counts all recommendations. */
    R_PRECISION("r_precision"),
    /** R-precision as the RecSys Challenge 2018 defines it: the artist credit counts the first |G| only. */
    R_PRECISION_CHALLENGE("r_precision_challenge"),
    NDCG("ndcg"),
    CLICKS("clicks"),
    POPULARITY("popularity");

    private final String key;

    ContinuationMetric(String key) { this.key = key; }

    public String key() { return key; }
}
