package dev.segue.recsys.data;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/** String ids numbered 0, 1, 2, … in order of first appearance. */
public final class IdDictionary {
    private final Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>();
    private final List<String> ids = new ArrayList<>();

    public IdDictionary() { index.defaultReturnValue(-1); }

    /** The index of {@code id}, adding it when new. */
    public int add(String id) {
        int i = index.getInt(id);
        if (i >= 0) return i;
        i = ids.size();
        index.put(id, i);
        ids.add(id);
        return i;
    }

    /** The index of {@code id}, or -1. */
    public int indexOf(String id) { return index.getInt(id); }

    public String id(int index) { return ids.get(index); }

    public int size() { return ids.size(); }

    public List<String> ids() { return java.util.Collections.unmodifiableList(ids); }
}
