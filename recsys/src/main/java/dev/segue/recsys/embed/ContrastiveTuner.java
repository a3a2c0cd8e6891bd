package dev.segue.recsys.embed;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Grad;
import dev.segue.nn.Module;
import dev.segue.nn.layers.Linear;
import dev.segue.nn.losses.Contrastive;
import dev.segue.nn.optim.Adam;
import dev.segue.nn.optim.ParamGroups;
import dev.segue.recsys.data.SessionCsr;
import dev.segue.recsys.train.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * {@code segue embed tune}: domain adaptation of frozen item embeddings to listening sessions. A shallow
 * MLP f (Linear → ReLU → Linear) is trained so that two songs of the same session are close: each batch
 * holds B pairs (a_i, p_i) of distinct songs from B random sessions; the loss is symmetric InfoNCE on
 * f(E[a]) and f(E[p]) with the other pairs of the batch as negatives, columns whose positive is the
 * same song as row i's masked. Then f is applied once to every row: the tuned table.
 */
public final class ContrastiveTuner {
    private ContrastiveTuner() {}

    /** The projection head: [n, in] → [n, out]. */
    public static final class Mlp extends Module {
        private final Linear l1, l2;
        public Mlp(int in, int hidden, int out, Rng rng) {
            l1 = registerModule("0", new Linear(in, hidden, true, rng));
            l2 = registerModule("2", new Linear(hidden, out, true, rng));
        }
        public Tensor forward(Tensor x) { return l2.forward(l1.forward(x).relu()); }
    }

    public record Result(ItemEmbeddings tuned, double firstLoss, double lastLoss, int steps) {}

    /**
     * @param e        the frozen table (ids = track ids)
     * @param sessions sessions of row indices into {@code e} (songs without a row removed beforehand)
     * @param onStep   receives the loss of every step (may be null)
     */
    public static Result tune(ItemEmbeddings e, SessionCsr sessions, TuneOptions o, Progress progress, DoubleConsumer onStep) {
        List<Integer> usable = new ArrayList<>();
        for (int s = 0; s < sessions.count(); s++) if (distinct(sessions.session(s)) >= 2) usable.add(s);
        if (usable.size() < 2) throw new IllegalArgumentException("tune: need at least 2 sessions with 2 distinct embedded songs, got " + usable.size());
        int d = e.dim(), out = o.outDim() > 0 ? o.outDim() : d, n = e.size();
        Rng rng = new Rng(o.seed());
        Mlp mlp = new Mlp(d, o.hidden(), out, rng);
        Adam opt = new Adam(ParamGroups.single(mlp, o.lr(), 0), Adam.Variant.ADAM, 0.9, 0.999, 1e-8);
        Tensor table = Tensor.of(e.data(), n, d);
        int b = Math.min(o.batchSize(), usable.size());
        int perEpoch = Math.max(1, usable.size() / b), steps = perEpoch * o.epochs();
        double first = Double.NaN, last = Double.NaN;
        for (int step = 0; step < steps; step++) {
            long[] a = new long[b], p = new long[b];
            for (int i = 0; i < b; i++) {
                int[] s = sessions.session(usable.get(rng.nextInt(usable.size())));
                int x = rng.nextInt(s.length), y;
                do { y = rng.nextInt(s.length); } while (s[y] == s[x]);
                a[i] = s[x];
                p[i] = s[y];
            }
            opt.zeroGrad();
            Tensor za = mlp.forward(table.indexSelect(0, Tensor.ofLongs(a, b)));
            Tensor zp = mlp.forward(table.indexSelect(0, Tensor.ofLongs(p, b)));
            Tensor loss = Contrastive.infoNce(za, zp, o.temperature(), true, Tensor.ofLongs(p, b));
            loss.backward();
            opt.step();
            last = loss.item();
            if (step == 0) first = last;
            if (onStep != null) onStep.accept(last);
            if (progress != null) progress.update(step + 1, String.format(java.util.Locale.ROOT, "loss %.4f", last));
        }
        float[] tuned;
        try (var g = Grad.off()) {
            tuned = mlp.forward(table).contiguous().toFloatArray();
        }
        return new Result(new ItemEmbeddings(e.ids(), tuned, out), first, last, steps);
    }

    static int distinct(int[] s) { return (int) java.util.Arrays.stream(s).distinct().count(); }

    /**
     * Sessions of dense item ids (trackIds[dense] = track id) re-expressed as rows of {@code e}; songs
     * without an embedding are dropped, and how many were dropped is returned in {@code dropped[0]}.
     */
    public static SessionCsr toRows(SessionCsr sessions, String[] trackIds, ItemEmbeddings e, long[] dropped) {
        java.util.Map<String, Integer> row = new java.util.HashMap<>();
        for (int i = 0; i < e.size(); i++) row.put(e.ids()[i], i);
        long[] off = new long[sessions.count() + 1];
        int[] items = new int[sessions.items().length];
        int k = 0;
        long miss = 0;
        for (int s = 0; s < sessions.count(); s++) {
            for (int it : sessions.session(s)) {
                Integer r = row.get(trackIds[it]);
                if (r == null) { miss++; continue; }
                items[k++] = r;
            }
            off[s + 1] = k;
        }
        if (dropped != null) dropped[0] = miss;
        return new SessionCsr(off, java.util.Arrays.copyOf(items, k));
    }
}
