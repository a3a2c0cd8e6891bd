package dev.segue.recsys.baselines;

import dev.segue.core.Rng;
import dev.segue.core.cpu.Parallel;
import dev.segue.recsys.data.ItemVocabulary;
import dev.segue.recsys.embed.ItemEmbeddings;

import java.util.function.IntConsumer;

/**
 * Weighted regularised matrix factorisation for implicit feedback (WRMF / iALS) on a binary
 * sessions × items matrix, alternating least squares with CG row solves. Objective:
 * <pre>  Σ_{u,i} c_ui (p_ui − x_u·y_i)² + λ (Σ‖x_u‖² + Σ‖y_i‖²),  c = 1 + α·r, p = [r > 0]  </pre>
 * Rows are solved in parallel; each writes only its own factor row and reads the other side's
 * (fixed during the half-step), and every sum runs in a fixed order, so results do not depend on the
 * thread count. Factors are float32 [rows, k] row-major; accumulation is double.
 */
public final class Wrmf {
    private final WrmfOptions o;
    private final float[] userFactors, itemFactors;
    private final int users, items;

    private Wrmf(WrmfOptions o, int users, int items) {
        this.o = o;
        this.users = users;
        this.items = items;
        int k = o.factors();
        userFactors = new float[users * k];
        itemFactors = new float[items * k];
        Rng rng = new Rng(o.seed());
        for (int i = 0; i < userFactors.length; i++) userFactors[i] = (float) (rng.nextGaussian() * o.initStd());
        for (int i = 0; i < itemFactors.length; i++) itemFactors[i] = (float) (rng.nextGaussian() * o.initStd());
    }

    /** Fits on m (rows = sessions, columns = items); {@code onIteration} gets the 1-based iteration after it ends. */
    public static Wrmf fit(BinaryMatrix m, WrmfOptions o, IntConsumer onIteration) {
        Wrmf w = new Wrmf(o, m.rows(), m.columns());
        BinaryMatrix t = m.transpose();
        for (int it = 1; it <= o.iterations(); it++) {
            w.halfStep(m, w.itemFactors, w.userFactors);
            w.halfStep(t, w.userFactors, w.itemFactors);
            if (onIteration != null) onIteration.accept(it);
        }
        return w;
    }

    /** Starts from the initial factors without fitting (for step-by-step tests). */
    static Wrmf init(BinaryMatrix m, WrmfOptions o) { return new Wrmf(o, m.rows(), m.columns()); }

    /** Re-solves every row of {@code xs} given the fixed other side {@code ys}; rows of m index xs. */
    void halfStep(BinaryMatrix m, float[] ys, float[] xs) {
        int k = o.factors();
        double[] gram = gram(ys, ys.length / k, k);
        for (int a = 0; a < k; a++) gram[a * k + a] += o.lambda();
        int grain = 64;
        int tasks = (m.rows() + grain - 1) / grain;
        Parallel.forEach(tasks, task -> {
            AlsRowSolver.Work work = new AlsRowSolver.Work(k);
            int end = Math.min(m.rows(), (task + 1) * grain);
            for (int r = task * grain; r < end; r++) {
                if (o.exact()) AlsRowSolver.exact(gram, ys, k, m.cols(), m.ptr()[r], m.ptr()[r + 1], o.alpha(), xs, r);
                else AlsRowSolver.conjugateGradient(gram, ys, k, m.cols(), m.ptr()[r], m.ptr()[r + 1], o.alpha(), o.cgSteps(), xs, r, work);
            }
        });
    }

    /** YᵀY [k, k] in double; row a of the result is one task, summed over items in order. */
    static double[] gram(float[] y, int n, int k) {
        double[] g = new double[k * k];
        Parallel.forEach(k, a -> {
            for (int i = 0; i < n; i++) {
                double ya = y[i * k + a];
                if (ya == 0) continue;
                int o = i * k;
                for (int b = 0; b < k; b++) g[a * k + b] += ya * y[o + b];
            }
        });
        return g;
    }

    /**
     * The objective above on m, computed as Σ_u x_uᵀ(YᵀY)x_u + Σ_{observed} [c(1 − s)² − s²] + λ(‖X‖² + ‖Y‖²)
     * with s = x_u·y_i (the dense part through the Gram matrix, so cost is O((users + nnz)·k + items·k²)).
     */
    public double loss(BinaryMatrix m) {
        int k = o.factors();
        double[] g = gram(itemFactors, items, k);
        double[] perRow = new double[users];
        Parallel.forEach(users, u -> {
            int xo = u * k;
            double s = 0;
            for (int a = 0; a < k; a++) {
                double ga = 0;
                for (int b = 0; b < k; b++) ga += g[a * k + b] * userFactors[xo + b];
                s += userFactors[xo + a] * ga;
            }
            for (int t = m.ptr()[u]; t < m.ptr()[u + 1]; t++) {
                int yo = m.cols()[t] * k;
                double dot = 0;
                for (int c = 0; c < k; c++) dot += (double) userFactors[xo + c] * itemFactors[yo + c];
                s += (1 + o.alpha()) * (1 - dot) * (1 - dot) - dot * dot;
            }
            perRow[u] = s;
        });
        double total = 0;
        for (double v : perRow) total += v;
        return total + o.lambda() * (squaredNorm(userFactors) + squaredNorm(itemFactors));
    }

    static double squaredNorm(float[] a) {
        double s = 0;
        for (float v : a) s += (double) v * v;
        return s;
    }

    public WrmfOptions options() { return o; }
    public int factors() { return o.factors(); }
    /** [sessions, k] row-major (live array). */
    public float[] userFactors() { return userFactors; }
    /** [items, k] row-major, row = dense item id (row 0, padding, is zero); live array. */
    public float[] itemFactors() { return itemFactors; }

    /** Item factors keyed by track id (rows 1…V−1 of the vocabulary), for {@code ItemEmbeddings.alignTo} and export. */
    public ItemEmbeddings itemEmbeddings(ItemVocabulary vocab) {
        if (vocab.size() != items) throw new IllegalArgumentException("wrmf: model has " + items + " item rows, vocabulary " + vocab.size());
        int k = o.factors(), n = items - 1;
        String[] ids = new String[n];
        float[] data = new float[n * k];
        for (int d = 1; d < items; d++) ids[d - 1] = vocab.trackId(d);
        System.arraycopy(itemFactors, k, data, 0, n * k);
        return new ItemEmbeddings(ids, data, k);
    }
}
