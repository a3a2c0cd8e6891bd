package dev.segue.recsys.eval;

import dev.segue.recsys.data.DataFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The interchange files of {@code segue eval}: one query per line, {@code query_id<TAB>item item …}
 * (items space-separated; ranked for RECS, a set for TRUTH). Item ids are arbitrary strings, so lists
 * made by any system (e.g. a Python model) can be scored. A line {@code query_id<TAB>} (no items) is an
 * empty list. No header.
 */
public final class QueryLists {
    private QueryLists() {}

    /** query id → items, in file order. Duplicate query ids are an error naming both lines. */
    public static Map<String, String[]> read(Path file) {
        Map<String, String[]> out = new LinkedHashMap<>();
        Map<String, Long> lineOf = new java.util.HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String s;
            long line = 0;
            while ((s = r.readLine()) != null) {
                line++;
                if (s.isBlank()) continue;
                int tab = s.indexOf('\t');
                if (tab <= 0) throw new DataFileException(file, line, "expected 'query_id<TAB>item item …'");
                if (s.indexOf('\t', tab + 1) >= 0) throw new DataFileException(file, line, "more than one tab (items are separated by spaces)");
                String q = s.substring(0, tab);
                String rest = s.substring(tab + 1).trim();
                String[] items = rest.isEmpty() ? new String[0] : rest.split(" +");
                Long prev = lineOf.putIfAbsent(q, line);
                if (prev != null) throw new DataFileException(file, line, "query '" + q + "' already on line " + prev);
                out.put(q, items);
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) throw new DataFileException(file, 0, "no queries (empty file)");
        return out;
    }
}
