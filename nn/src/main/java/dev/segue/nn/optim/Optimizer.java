package dev.segue.nn.optim;

import dev.segue.core.Shape;
import dev.segue.core.DType;
import dev.segue.core.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer over parameter groups. Updates are fused per parameter (one pass over value, gradient
 * and state arrays) and written back into the parameter tensors in place. State is float32 per
 * parameter (step counts are longs), keyed "&lt;buffer&gt;/&lt;param name&gt;" for checkpoints. Parameters without a gradient are skipped.
 */
public abstract class Optimizer {
    private final List<ParamGroup> groups;
    /** per parameter name: its state buffers by buffer name */
    private final Map<String, Map<String, float[]>> state = new LinkedHashMap<>();
    /** per parameter name: how many updates it has had (bias corrections use it) */
    private final Map<String, Long> steps = new LinkedHashMap<>();
    private long stepCount;

    protected Optimizer(List<ParamGroup> groups) {
        this.groups = List.copyOf(groups);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ParamGroup g : groups)
            for (String n : g.params().keySet())
                if (!seen.add(n)) throw new IllegalArgumentException("parameter '" + n + "' appears in two optimizer groups");
    }

    public List<ParamGroup> groups() { return groups; }
    public long stepCount() { return stepCount; }

    /** Sets the learning rate of every group (a schedule with one base rate). */
    public void setLr(double lr) { for (ParamGroup g : groups) g.setLr(lr); }

    public void zeroGrad() {
        for (ParamGroup g : groups) for (Tensor p : g.tensors()) p.zeroGrad();
        for (dev.segue.nn.layers.Embedding t : sparseTables.values()) t.clearSparseGrad();
    }

    private final Map<String, dev.segue.nn.layers.Embedding> sparseTables = new LinkedHashMap<>();

    /**
     * Declares that parameter {@code name} is the table of a row-sparse embedding: its updates touch
     * only the rows of {@link dev.segue.nn.layers.Embedding#sparseGrad()} (lazily, like torch's
     * SparseAdam: the state and the weight decay of untouched rows wait until they are touched).
     */
    public void addSparse(String name, dev.segue.nn.layers.Embedding table) { addSparse(name, table, true); }

    /**
     * {@code lazy = false}: the row-sparse gradient stands for the dense one, zero outside the touched rows —
     * every row is updated exactly as with a dense gradient (weight decay and momentum included), but the
     * backward never builds a [V, D] gradient and the norm and update read only the touched rows' values.
     * The values are scattered into a persistent zero buffer for the one fused sweep, then cleared again.
     */
    public void addSparse(String name, dev.segue.nn.layers.Embedding table, boolean lazy) {
        if (findParam(name) != table.weight()) throw new IllegalArgumentException("parameter '" + name + "' is not the weight of the given embedding");
        if (!table.isSparse()) throw new IllegalArgumentException("embedding for '" + name + "' is not in row-sparse mode");
        sparseTables.put(name, table);
        if (!lazy) denseScratch.put(name, null);
    }

    /** The row-sparse gradients of the declared tables in this step (for gradient norms). */
    public List<dev.segue.nn.layers.RowSparseGrad> sparseGrads() {
        List<dev.segue.nn.layers.RowSparseGrad> out = new ArrayList<>();
        for (dev.segue.nn.layers.Embedding t : sparseTables.values()) if (t.sparseGrad() != null) out.add(t.sparseGrad());
        return out;
    }

    /** per dense-semantics sparse table: a zero [V, D] buffer the touched rows are scattered into for one sweep */
    private final Map<String, Tensor> denseScratch = new LinkedHashMap<>();

    /** One update of every parameter that has a gradient (dense or, for declared tables, row-sparse). */
    public final void step() { step(1.0); }

    private float gradScale = 1f;

    /**
     * {@link #step()} with every gradient multiplied by {@code gradScale} (as float32, like torch's
     * {@code g.mul_(coef)}) inside the update sweep: gradient clipping without a pass that rewrites the
     * gradients ({@link GradClip#clipCoefficient}). A scale of 1 changes no bit.
     */
    public final void step(double gradScale) {
        this.gradScale = (float) gradScale;
        foldSparseIntoDense();
        stepCount++;
        for (ParamGroup g : groups)
            for (Map.Entry<String, Tensor> e : g.params().entrySet()) {
                Tensor p = e.getValue();
                dev.segue.nn.layers.Embedding table = sparseTables.get(e.getKey());
                if (table != null && table.sparseGrad() != null) {
                    if (denseScratch.containsKey(e.getKey())) denseStepFromRows(e.getKey(), p, table, g);
                    else sparseStep(e.getKey(), p, table, g);
                    continue;
                }
                if (p.grad() == null) continue;
                Map<String, float[]> st = stateOf(e.getKey(), p.numel());
                long step = stepOf(e.getKey());
                Tensor grad = p.grad().contiguous();
                if (p.isContiguous() && p.dtype() == DType.F32 && grad.dtype() == DType.F32) {
                    // one sweep over parameter, gradient and state, in place, in fixed chunks
                    p.backend().updateInPlace(p, grad, new Tensor[0],
                            (pa, po, ga, go, unused, unusedOff, from, to) -> update(pa, po, ga, go, st, from, to, g, step));
                } else {
                    float[] v = p.toFloatArray();
                    update(v, 0, grad.toFloatArray(), 0, st, 0, v.length, g, step);
                    p.backend().copy(Tensor.of(v, p.shape()).to(p.dtype()), p);
                }
            }
    }

    /** The state buffers of a parameter, all allocated (zero) before any update touches them. */
    private Map<String, float[]> stateOf(String param, int n) {
        Map<String, float[]> st = state.computeIfAbsent(param, k -> new LinkedHashMap<>());
        for (String b : bufferNames()) st.computeIfAbsent(b, k -> new float[n]);
        return st;
    }

    /**
     * For dense-semantics row-sparse tables that also have a dense gradient (a tied output projection): adds
     * the rows into it — in place when no other parameter's gradient shares its storage, else into a copy —
     * and drops the sparse part, so that the gradient is one plain dense tensor again. Call it after
     * backward and before a gradient norm that should see the sum ({@link #step} calls it too).
     */
    public void foldSparseIntoDense() {
        for (String name : denseScratch.keySet()) {
            dev.segue.nn.layers.Embedding table = sparseTables.get(name);
            Tensor p = table.weight(), dense = p.grad();
            if (table.sparseGrad() == null || dense == null) continue;
            dev.segue.nn.layers.RowSparseGrad sg = table.sparseGrad();
            Tensor buf = dense.dtype() == DType.F32 && dense.isContiguous() && dense.offset() == 0
                    && dense.storage().size() == dense.numel() && !sharedWithOtherGrads(p, dense)
                    ? dense : dense.to(DType.F32).copy().detach();
            buf.backend().indexAdd(buf, 0, Tensor.ofLongs(sg.rows(), sg.rows().length), sg.values().contiguous());
            p.setGrad(buf);
            table.clearSparseGrad();
        }
    }

    /** A dense update with the row-sparse gradient as the dense one (zero elsewhere): scatter, one sweep, clear. */
    private void denseStepFromRows(String name, Tensor p, dev.segue.nn.layers.Embedding table, ParamGroup g) {
        if (!p.isContiguous() || p.dtype() != DType.F32) throw new IllegalStateException("row-sparse table '" + name + "' must be contiguous float32");
        Tensor buf = denseScratch.get(name);
        if (buf == null) denseScratch.put(name, buf = Tensor.zeros(p.shape()));
        dev.segue.nn.layers.RowSparseGrad sg = table.sparseGrad();
        Tensor rows = Tensor.ofLongs(sg.rows(), sg.rows().length);
        Tensor values = sg.values().contiguous();
        buf.backend().indexAdd(buf, 0, rows, values);                      // 0 + v = v: the dense gradient
        Map<String, float[]> st = stateOf(name, p.numel());
        long step = stepOf(name);
        p.backend().updateInPlace(p, buf, new Tensor[0],
                (pa, po, ga, go, unused, unusedOff, from, to) -> update(pa, po, ga, go, st, from, to, g, step));
        buf.backend().indexAdd(buf, 0, rows, values.neg());                // v + (−v) = +0: zero again
    }

    /** Whether another parameter's gradient (of any group) lives in the storage of {@code grad}. */
    private boolean sharedWithOtherGrads(Tensor param, Tensor grad) {
        for (ParamGroup pg : groups)
            for (Tensor q : pg.tensors())
                if (q != param && q.grad() != null && q.grad().storage() == grad.storage()) return true;
        return false;
    }

    /** Gathers the touched rows of the parameter and its state, runs the same fused update on them, scatters back. */
    private void sparseStep(String name, Tensor p, dev.segue.nn.layers.Embedding table, ParamGroup g) {
        dev.segue.nn.layers.RowSparseGrad sg = table.sparseGrad();
        int d = p.size(1);
        long[] rows = sg.rows();
        float[] all = p.toFloatArray();
        float[] v = new float[rows.length * d];
        for (int r = 0; r < rows.length; r++) System.arraycopy(all, (int) rows[r] * d, v, r * d, d);
        Map<String, float[]> full = stateOf(name, all.length);
        long step = stepOf(name);
        Map<String, float[]> part = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> b : full.entrySet()) {
            float[] rowsOf = new float[rows.length * d];
            for (int r = 0; r < rows.length; r++) System.arraycopy(b.getValue(), (int) rows[r] * d, rowsOf, r * d, d);
            part.put(b.getKey(), rowsOf);
        }
        update(v, 0, sg.values().toFloatArray(), 0, part, 0, v.length, g, step);
        for (Map.Entry<String, float[]> b : part.entrySet()) {
            float[] dst = full.computeIfAbsent(b.getKey(), k -> new float[all.length]);
            for (int r = 0; r < rows.length; r++) System.arraycopy(b.getValue(), r * d, dst, (int) rows[r] * d, d);
        }
        for (int r = 0; r < rows.length; r++) System.arraycopy(v, r * d, all, (int) rows[r] * d, d);
        p.backend().copy(Tensor.of(all, p.shape()).to(p.dtype()), p);
    }

    /** The gradient multiplier of the step in progress: {@link #update} implementations apply it to every g. */
    protected final float gradScale() { return gradScale; }

    /** Advances and returns the 1-based step number of this parameter (its own count; exact as a long). */
    private long stepOf(String param) {
        return steps.merge(param, 1L, Long::sum);
    }

    /** Names of the per-parameter state buffers (each the size of the parameter), e.g. exp_avg. */
    protected abstract List<String> bufferNames();

    /**
     * Updates elements i in [from, to) in place: parameter value {@code p[pOff + i]}, gradient
     * {@code g[gOff + i]}, state {@code st.get(buffer)[i]}. Called on disjoint ranges, possibly in parallel,
     * so it must touch nothing outside its range.
     */
    protected abstract void update(float[] p, int pOff, float[] g, int gOff, Map<String, float[]> st, int from, int to,
                                   ParamGroup group, long step);

    /** The state buffer {@code name} of a parameter as a tensor shaped like it, or null if not yet created. */
    public Tensor stateTensor(String buffer, String param) {
        if (buffer.equals("step")) return steps.containsKey(param) ? Tensor.ofLongs(new long[]{steps.get(param)}, 1) : null;
        Map<String, float[]> st = state.get(param);
        if (st == null || !st.containsKey(buffer)) return null;
        return Tensor.of(st.get(buffer).clone(), findParam(param).shape());
    }

    private Tensor findParam(String name) {
        for (ParamGroup g : groups) if (g.params().containsKey(name)) return g.params().get(name);
        throw new IllegalArgumentException("optimizer has no parameter '" + name + "'");
    }

    /** All state as "buffer/param" → tensor (for checkpoints), plus "optimizer/step_count". */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String p : steps.keySet()) out.put("step/" + p, stateTensor("step", p));
        for (Map.Entry<String, Map<String, float[]>> e : state.entrySet())
            for (String b : e.getValue().keySet()) out.put(b + "/" + e.getKey(), stateTensor(b, e.getKey()));
        out.put("optimizer/step_count", Tensor.ofLongs(new long[]{stepCount}, 1));
        return out;
    }

    /** Restores what {@link #stateDict()} returned; errors name unknown parameters and mis-shaped buffers. */
    public void loadStateDict(Map<String, Tensor> sd) {
        state.clear();
        steps.clear();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : sd.entrySet()) {
            if (e.getKey().equals("optimizer/step_count")) { stepCount = e.getValue().toLongArray()[0]; continue; }
            int slash = e.getKey().indexOf('/');
            if (slash < 0) { errors.add("bad key '" + e.getKey() + "'"); continue; }
            String b = e.getKey().substring(0, slash), pn = e.getKey().substring(slash + 1);
            Tensor p;
            try { p = findParam(pn); } catch (IllegalArgumentException ex) { errors.add("unknown parameter '" + pn + "'"); continue; }
            int[] want = b.equals("step") ? new int[]{1} : p.shape();
            if (!Shape.equal(want, e.getValue().shape())) { errors.add(e.getKey() + ": shape " + Shape.str(e.getValue().shape()) + ", expected " + Shape.str(want)); continue; }
            if (b.equals("step")) steps.put(pn, e.getValue().toLongArray()[0]);
            else state.computeIfAbsent(pn, k -> new LinkedHashMap<>()).put(b, e.getValue().toFloatArray());
        }
        if (!errors.isEmpty()) throw new IllegalArgumentException("optimizer loadStateDict: " + errors);
    }
}
