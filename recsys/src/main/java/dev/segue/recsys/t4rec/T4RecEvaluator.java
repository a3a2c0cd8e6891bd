package dev.segue.recsys.t4rec;

import dev.segue.core.Tensor;
import dev.segue.core.autograd.Grad;
import dev.segue.recsys.data.SessionCsr;
import dev.segue.recsys.eval.NextItemProtocol;
import dev.segue.recsys.eval.QueryScores;
import it.unimi.dsi.fastutil.ints.IntSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transformers4Rec's evaluation: every session of at least two items has its last item masked in place
 * and predicted from the others; the full catalogue is ranked (padding id excluded, seen items not
 * excluded, as Transformers4Rec does) and NDCG / MAP / Recall at 10 and 20 are averaged over sessions.
 */
public final class T4RecEvaluator {
    public static final int[] KS = {10, 20};
    public static final String[] METRICS = {"ndcg", "map", "recall"};
    private static final int BATCH = 256;

    private T4RecEvaluator() {}

    public static Map<String, Double> evaluate(T4RecModel model, SessionCsr sessions) {
        int t = model.config().maxLen(), maxK = KS[KS.length - 1];
        List<int[]> recs = new ArrayList<>();
        List<IntSet> truths = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        for (int s = 0; s < sessions.count(); s++) if (sessions.length(s) >= 2) rows.add(sessions.session(s));
        model.eval();
        try (Grad g = Grad.off()) {
            for (int from = 0; from < rows.size(); from += BATCH) {
                int b = Math.min(BATCH, rows.size() - from);
                int[] ids = new int[b * t];
                for (int r = 0; r < b; r++) {
                    int[] items = rows.get(from + r);
                    SessionWindows.fill(items, t, ids, r);
                    truths.add(IntSet.of(items[items.length - 1]));
                }
                boolean[] mask = ItemMasking.lastItem(ids, b, t);
                Tensor h = T4RecModel.maskedRows(model.encode(ids, mask, b), mask);   // [b, e]
                recs.addAll(topK(model.logits(h), maxK));
            }
        } finally {
            model.train();
        }
        QueryScores qs = NextItemProtocol.evaluate(recs, truths, KS, null);
        Map<String, Double> out = new LinkedHashMap<>();
        for (String m : METRICS) for (int k : KS) out.put(m + "@" + k, qs.summary(m + "@" + k).mean());
        return out;
    }

    /** logits [B, V] → per row the k best ids, padding id 0 left out (ties: lower id first). */
    static List<int[]> topK(Tensor logits, int k) {
        int b = logits.size(0), kk = Math.min(k + 1, logits.size(1));
        long[] idx = logits.topk(kk, true)[1].toLongArray();
        List<int[]> out = new ArrayList<>(b);
        for (int r = 0; r < b; r++) {
            int[] row = new int[Math.min(k, kk)];
            int n = 0;
            for (int j = 0; j < kk && n < row.length; j++) {
                int id = (int) idx[r * kk + j];
                if (id != 0) row[n++] = id;
            }
            out.add(n == row.length ? row : java.util.Arrays.copyOf(row, n));
        }
        return out;
    }
}
