package dev.segue.recsys.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to do with a malformed row: fail (the default: an error naming file and line) or skip it and
 * count it. Keeps the first few skipped rows of every file as examples for the report.
 */
public final class BadRows {
    private static final int EXAMPLES = 5;

    private final boolean skip;
    private final Map<Path, Long> counts = new LinkedHashMap<>();
    private final List<String> examples = new ArrayList<>();

    private BadRows(boolean skip) { this.skip = skip; }

    public static BadRows fail() { return new BadRows(false); }

    public static BadRows skip() { return new BadRows(true); }

    public boolean skipping() { return skip; }

    /** Reports a bad row: throws when failing, counts it when skipping. */
    public void bad(Path file, long line, String problem) {
        if (!skip) throw new DataFileException(file, line, problem);
        long c = counts.merge(file, 1L, Long::sum);
        if (c <= EXAMPLES) examples.add(file.getFileName() + ":" + line + ": " + problem);
    }

    public long total() {
        long t = 0;
        for (long c : counts.values()) t += c;
        return t;
    }

    public Map<Path, Long> counts() { return counts; }

    /** A few lines for a person: skipped rows per file and the first examples. */
    public String report() {
        if (counts.isEmpty()) return "no bad rows\n";
        StringBuilder b = new StringBuilder();
        for (var e : counts.entrySet()) b.append("skipped ").append(e.getValue()).append(" bad rows in ").append(e.getKey()).append('\n');
        for (String ex : examples) b.append("  e.g. ").append(ex).append('\n');
        return b.toString();
    }
}
