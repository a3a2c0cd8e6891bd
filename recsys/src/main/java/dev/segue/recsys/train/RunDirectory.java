package dev.segue.recsys.train;

import dev.segue.core.io.AtomicFiles;
import dev.segue.core.io.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The folder of one training run: {@code config.json}, {@code metrics.csv} (one row per epoch, rewritten
 * atomically after each), {@code test_metrics.json}, checkpoints and plots. Every file is written
 * through a temporary file and a rename, so a killed run never leaves a half-written file.
 */
public final class RunDirectory {
    private final Path dir;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    private RunDirectory(Path dir) { this.dir = dir; }

    /** Opens (creating) a run folder; existing metrics rows are read back so a resumed run appends. */
    public static RunDirectory open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + dir + ": " + e.getMessage(), e);
        }
        RunDirectory r = new RunDirectory(dir);
        Path csv = dir.resolve("metrics.csv");
        if (Files.exists(csv)) r.rows.addAll(readCsv(csv));
        return r;
    }

    public Path path() { return dir; }
    public Path resolve(String name) { return dir.resolve(name); }

    public void writeConfig(Map<String, Object> config) { writeJson("config.json", config); }

    public void writeJson(String name, Map<String, Object> json) { AtomicFiles.writeString(dir.resolve(name), Json.writePretty(json)); }

    /** Rows already recorded (e.g. by the interrupted run being resumed). */
    public List<Map<String, Object>> metricRows() { return List.copyOf(rows); }

    /** Drops rows from {@code epoch} on (a resumed run replays them) and appends this one. */
    public void appendMetrics(Map<String, Object> row) {
        Object epoch = row.get("epoch");
        if (epoch instanceof Number) rows.removeIf(r -> r.get("epoch") instanceof Number && ((Number) r.get("epoch")).doubleValue() >= ((Number) epoch).doubleValue());
        rows.add(new LinkedHashMap<>(row));
        StringBuilder b = new StringBuilder();
        List<String> cols = new ArrayList<>();
        for (Map<String, Object> r : rows) for (String k : r.keySet()) if (!cols.contains(k)) cols.add(k);
        b.append(String.join(",", cols)).append('\n');
        for (Map<String, Object> r : rows) {
            for (int i = 0; i < cols.size(); i++) {
                if (i > 0) b.append(',');
                Object v = r.get(cols.get(i));
                if (v instanceof Double || v instanceof Float) b.append(String.format(Locale.ROOT, "%.6g", ((Number) v).doubleValue()));
                else if (v != null) b.append(v);
            }
            b.append('\n');
        }
        AtomicFiles.writeString(dir.resolve("metrics.csv"), b.toString());
    }

    private static List<Map<String, Object>> readCsv(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            List<Map<String, Object>> out = new ArrayList<>();
            if (lines.isEmpty()) return out;
            String[] head = lines.get(0).split(",", -1);
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                String[] f = lines.get(i).split(",", -1);
                Map<String, Object> row = new LinkedHashMap<>();
                for (int k = 0; k < head.length && k < f.length; k++) {
                    if (f[k].isEmpty()) continue;
                    try { row.put(head[k], f[k].matches("-?\\d+") ? (Object) Long.parseLong(f[k]) : (Object) Double.parseDouble(f[k])); }
                    catch (NumberFormatException e) { row.put(head[k], f[k]); }
                }
                out.add(row);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }
}
