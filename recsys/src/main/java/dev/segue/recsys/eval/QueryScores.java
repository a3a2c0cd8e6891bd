package dev.segue.recsys.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-query values of several metrics (same query order in every array), with an optional group label
 * per query (e.g. the number of seed songs), plus metrics that only exist over all queries (coverage).
 * Everything a summary table, a breakdown or a paired test needs.
 */
public final class QueryScores {
    private final Map<String, double[]> values = new LinkedHashMap<>();
    private final Map<String, Double> global = new LinkedHashMap<>();
    private final int queries;
    private final int[] groups;

    /** @param groups group label per query, or null for none */
    public QueryScores(int queries, int[] groups) {
        if (groups != null && groups.length != queries)
            throw new IllegalArgumentException(groups.length + " group labels for " + queries + " queries");
        this.queries = queries;
        this.groups = groups;
    }

    public int queries() { return queries; }

    public void put(String metric, double[] perQuery) {
        if (perQuery.length != queries)
            throw new IllegalArgumentException(metric + ": " + perQuery.length + " values for " + queries + " queries");
        values.put(metric, perQuery);
    }

    public void putGlobal(String metric, double value) { global.put(metric, value); }

    public List<String> metrics() { return List.copyOf(values.keySet()); }

    public double[] values(String metric) {
        double[] v = values.get(metric);
        if (v == null) throw new IllegalArgumentException("no metric '" + metric + "'; have " + values.keySet());
        return v;
    }

    public Map<String, Double> global() { return global; }

    public MetricSummary summary(String metric) { return MetricSummary.of(values(metric)); }

    /** Summary of every metric per group label (ascending). Empty when there are no groups. */
    public Map<Integer, Map<String, MetricSummary>> byGroup() {
        Map<Integer, Map<String, MetricSummary>> out = new TreeMap<>();
        if (groups == null) return out;
        TreeMap<Integer, it.unimi.dsi.fastutil.ints.IntArrayList> members = new TreeMap<>();
        for (int q = 0; q < queries; q++) members.computeIfAbsent(groups[q], g -> new it.unimi.dsi.fastutil.ints.IntArrayList()).add(q);
        for (var e : members.entrySet()) {
            Map<String, MetricSummary> m = new LinkedHashMap<>();
            int[] idx = e.getValue().toIntArray();
            for (var v : values.entrySet()) {
                double[] sub = new double[idx.length];
                for (int i = 0; i < idx.length; i++) sub[i] = v.getValue()[idx[i]];
                m.put(v.getKey(), MetricSummary.of(sub));
            }
            out.put(e.getKey(), m);
        }
        return out;
    }

    /** Paired test of this run against another on the same queries, for one metric. */
    public PairedTest pairedTest(QueryScores other, String metric) {
        return PairedTest.of(values(metric), other.values(metric));
    }

    /** One {@code metric value} line per metric (means, 4 decimals), then the global metrics. */
    public String lines() {
        StringBuilder b = new StringBuilder();
        for (String m : values.keySet()) b.append(m).append(' ').append(format(summary(m).mean())).append('\n');
        for (var e : global.entrySet()) b.append(e.getKey()).append(' ').append(format(e.getValue())).append('\n');
        return b.toString();
    }

    static String format(double v) { return String.format(java.util.Locale.ROOT, "%.4f", v); }

    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("queries", queries);
        Map<String, Object> ms = new LinkedHashMap<>();
        for (String m : values.keySet()) ms.put(m, summary(m).toJson());
        root.put("metrics", ms);
        if (!global.isEmpty()) root.put("global", new LinkedHashMap<>(global));
        var groupsOut = byGroup();
        if (!groupsOut.isEmpty()) {
            Map<String, Object> g = new LinkedHashMap<>();
            for (var e : groupsOut.entrySet()) {
                Map<String, Object> gm = new LinkedHashMap<>();
                for (var s : e.getValue().entrySet()) gm.put(s.getKey(), s.getValue().toJson());
                g.put(String.valueOf(e.getKey()), gm);
            }
            root.put("groups", g);
        }
        return root;
    }
}
