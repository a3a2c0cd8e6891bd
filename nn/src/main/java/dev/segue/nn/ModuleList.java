package dev.segue.nn;

import java.util.ArrayList;
import java.util.List;

/** A numbered container like torch.nn.ModuleList: children are named 0, 1, 2, … (so names read layers.3.attention…). */
public final class ModuleList<M extends Module> extends Module {
    private final List<M> items = new ArrayList<>();

    public M add(M m) {
        registerModule(Integer.toString(items.size()), m);
        items.add(m);
        return m;
    }

    public M get(int i) { return items.get(i); }
    public int size() { return items.size(); }
    public List<M> items() { return List.copyOf(items); }
}
