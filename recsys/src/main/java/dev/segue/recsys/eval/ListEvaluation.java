package dev.segue.recsys.eval;

import dev.segue.recsys.data.IdDictionary;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.ints.IntSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores string-id recommendation lists against string-id truths (the {@code segue eval} path): queries
 * are those of the truth; a query without recommendations scores as an empty list, recommendations
 * for unknown queries are ignored; both are counted for the report.
 */
public final class ListEvaluation {
    private ListEvaluation() {}

    /** Lists aligned with the truth's queries, items as ints of one shared dictionary. */
    public record Aligned(List<String> queries, List<int[]> recs, List<IntSet> truths, IdDictionary items,
                          int missingRecs, int extraRecs) {}

    public static Aligned align(Map<String, String[]> recs, Map<String, String[]> truth, IdDictionary items) {
        List<String> qs = new ArrayList<>(truth.keySet());
        List<int[]> r = new ArrayList<>(qs.size());
        List<IntSet> t = new ArrayList<>(qs.size());
        int missing = 0;
        for (String q : qs) {
            IntOpenHashSet set = new IntOpenHashSet();
            for (String item : truth.get(q)) set.add(items.add(item));
            t.add(set);
            String[] list = recs.get(q);
            if (list == null) { missing++; list = new String[0]; }
            int[] ids = new int[list.length];
            for (int k = 0; k < list.length; k++) ids[k] = items.add(list[k]);
            r.add(ids);
        }
        int extra = 0;
        for (String q : recs.keySet()) if (!truth.containsKey(q)) extra++;
        return new Aligned(qs, r, t, items, missing, extra);
    }
}
