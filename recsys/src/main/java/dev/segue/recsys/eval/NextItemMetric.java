package dev.segue.recsys.eval;

/** The next-item (Transformers4Rec) ranking metrics, in the order {@link NextItemMetrics} reports them. */
public enum NextItemMetric {
    NDCG("ndcg"), MAP("map"), RECALL("recall"), PRECISION("precision"), MRR("mrr"), HIT_RATE("hitrate");

    private final String key;

    NextItemMetric(String key) { this.key = key; }

    /** The lower-case name used in printed lines and JSON keys, e.g. {@code ndcg} in {@code ndcg@10}. */
    public String key() { return key; }
}
