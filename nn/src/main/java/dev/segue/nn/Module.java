package dev.segue.nn;

import dev.segue.core.Shape;
import dev.segue.core.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A layer or model: named parameters, buffers and child modules, addressed PyTorch-style by dotted
 * names ({@code encoder.layers.0.attention.q_proj.weight}), in registration order. Parameters are
 * leaf tensors with {@code requiresGrad}; buffers (running statistics) are state without gradients.
 * Loading a state dict copies values into the existing tensors, so optimizers holding them stay valid.
 */
public abstract class Module {
    private final Map<String, Tensor> params = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Registers a parameter (made a gradient-requiring leaf) and returns it. */
    protected final Tensor registerParameter(String name, Tensor value) {
        checkName(name);
        Tensor p = value.isLeaf() ? value : value.detach();
        p.requiresGrad(true);
        params.put(name, p);
        return p;
    }

    /** This module's own parameter (not a child's); null when absent (an optional bias). */
    protected final Tensor param(String name) { return params.get(name); }

    protected final Tensor buffer(String name) { return buffers.get(name); }

    /**
     * Makes the given tensors this module's parameters (same objects, not copies), by dotted name —
     * for tying weights or running a module on externally owned tensors (functional call). Shapes
     * must match; every named key must exist.
     */
    public final void bindParameters(Map<String, Tensor> named) {
        for (Map.Entry<String, Tensor> e : named.entrySet()) {
            String key = e.getKey();
            Module owner = this;
            int dot;
            String rest = key;
            while ((dot = rest.indexOf('.')) >= 0 && owner.children.containsKey(rest.substring(0, dot))) {
                owner = owner.children.get(rest.substring(0, dot));
                rest = rest.substring(dot + 1);
            }
            Tensor old = owner.params.get(rest);
            if (old == null) throw new IllegalArgumentException("bindParameters: " + getClass().getSimpleName() + " has no parameter '" + key + "'");
            if (!Shape.equal(old.shape(), e.getValue().shape()))
                throw new IllegalArgumentException("bindParameters: '" + key + "' has shape " + Shape.str(old.shape()) + ", given " + Shape.str(e.getValue().shape()));
            owner.params.put(rest, e.getValue());
        }
    }

    protected final Tensor registerBuffer(String name, Tensor value) {
        checkName(name);
        buffers.put(name, value);
        return value;
    }

    /** Replaces a buffer's tensor (running statistics are recomputed out of place). */
    protected final void setBuffer(String name, Tensor value) {
        Tensor old = buffers.get(name);
        if (old == null) throw new IllegalArgumentException("no buffer named '" + name + "' in " + getClass().getSimpleName());
        if (!Shape.equal(old.shape(), value.shape()))
            throw new IllegalArgumentException("buffer '" + name + "': shape " + Shape.str(value.shape()) + " instead of " + Shape.str(old.shape()));
        buffers.put(name, value);
    }

    protected final <M extends Module> M registerModule(String name, M child) {
        checkName(name);
        children.put(name, child);
        return child;
    }

    private void checkName(String name) {
        if (name.isEmpty() || name.contains(".")) throw new IllegalArgumentException("invalid member name '" + name + "'");
        if (params.containsKey(name) || buffers.containsKey(name) || children.containsKey(name))
            throw new IllegalArgumentException(getClass().getSimpleName() + " already has a member named '" + name + "'");
    }

    // ------------------------------------------------------------------ traversal

    /** Every parameter with its dotted name, depth-first in registration order. */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, true);
        return out;
    }

    public final List<Tensor> parameters() { return new ArrayList<>(namedParameters().values()); }

    public final Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, false);
        return out;
    }

    private void collect(String prefix, Map<String, Tensor> out, boolean wantParams) {
        for (Map.Entry<String, Tensor> e : (wantParams ? params : buffers).entrySet()) out.put(prefix + e.getKey(), e.getValue());
        for (Map.Entry<String, Module> e : children.entrySet()) e.getValue().collect(prefix + e.getKey() + ".", out, wantParams);
    }

    public final Map<String, Module> children() { return java.util.Collections.unmodifiableMap(children); }

    // ------------------------------------------------------------------ modes

    public final boolean isTraining() { return training; }

    /** Training mode for this module and all its children (dropout active, batch statistics). */
    public final Module train() { return setTraining(true); }

    public final Module eval() { return setTraining(false); }

    private Module setTraining(boolean on) {
        training = on;
        for (Module m : children.values()) m.setTraining(on);
        return this;
    }

    /** Freezes (or unfreezes) every parameter of this module: no gradient is computed for them. */
    public final Module requiresGrad(boolean on) {
        for (Tensor p : namedParameters().values()) p.requiresGrad(on);
        return this;
    }

    public final void zeroGrad() {
        for (Tensor p : namedParameters().values()) p.zeroGrad();
    }

    // ------------------------------------------------------------------ state dict

    /** Parameters then buffers, dotted names → the live tensors (detached views). */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : namedParameters().entrySet()) out.put(e.getKey(), e.getValue().detach());
        out.putAll(namedBuffers());
        return out;
    }

    /**
     * Copies values into this module's parameters and buffers. Shapes must match exactly; with
     * {@code strict}, missing and unexpected keys are errors (all listed in one message).
     */
    public final void loadStateDict(Map<String, Tensor> state, boolean strict) {
        Map<String, Tensor> ps = namedParameters();
        Map<String, Tensor> bs = namedBuffers();
        TreeSet<String> missing = new TreeSet<>(), unexpected = new TreeSet<>();
        List<String> misShaped = new ArrayList<>();
        for (String k : ps.keySet()) if (!state.containsKey(k)) missing.add(k);
        for (String k : bs.keySet()) if (!state.containsKey(k)) missing.add(k);
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            Tensor dst = ps.containsKey(e.getKey()) ? ps.get(e.getKey()) : bs.get(e.getKey());
            if (dst == null) { unexpected.add(e.getKey()); continue; }
            if (!Shape.equal(dst.shape(), e.getValue().shape()))
                misShaped.add(e.getKey() + ": checkpoint " + Shape.str(e.getValue().shape()) + ", model " + Shape.str(dst.shape()));
        }
        StringBuilder err = new StringBuilder();
        if (!misShaped.isEmpty()) err.append("mis-shaped keys ").append(misShaped).append("; ");
        if (strict && !missing.isEmpty()) err.append("missing keys ").append(missing).append("; ");
        if (strict && !unexpected.isEmpty()) err.append("unexpected keys ").append(unexpected).append("; ");
        if (err.length() > 0) throw new IllegalArgumentException("loadStateDict into " + getClass().getSimpleName() + ": " + err.toString().trim());
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            Tensor dst = ps.containsKey(e.getKey()) ? ps.get(e.getKey()) : bs.get(e.getKey());
            if (dst == null) continue;
            Tensor src = e.getValue().detach().to(dst.dtype()).contiguous();
            dst.backend().copy(src, dst);
        }
    }
}
