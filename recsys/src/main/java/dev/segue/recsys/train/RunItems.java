package dev.segue.recsys.train;

import dev.segue.core.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The item vocabulary a run was trained on, kept in the run folder as {@code items.txt} (line k = the
 * track id of dense id k, k ≥ 1), so a run folder alone maps track ids to model rows and back.
 */
public final class RunItems {
    public static final String FILE = "items.txt";
    private final String[] ids;          // ids[0] = padding placeholder
    private final Map<String, Integer> dense;

    public RunItems(String[] ids) {
        this.ids = ids;
        dense = new HashMap<>(ids.length * 2);
        for (int i = 1; i < ids.length; i++) dense.put(ids[i], i);
    }

    public int size() { return ids.length; }
    public String trackId(int dense) { return ids[dense]; }

    /** Dense id of a track id, or -1. */
    public int dense(String trackId) { return dense.getOrDefault(trackId, -1); }

    public void write(Path runDir) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < ids.length; i++) b.append(ids[i]).append('\n');
        AtomicFiles.writeString(runDir.resolve(FILE), b.toString());
    }

    public static RunItems read(Path runDir) {
        Path f = runDir.resolve(FILE);
        try {
            List<String> lines = new ArrayList<>();
            lines.add("<pad>");
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) if (!l.isEmpty()) lines.add(l);
            return new RunItems(lines.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run's item list " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * The vocabulary of a run folder: its {@code items.txt}, or for a run written before runs kept one
     * (RTA runs), the {@code items.tsv} of the sessions folder its {@code config.json} names.
     */
    public static RunItems forRun(Path runDir) {
        if (Files.exists(runDir.resolve(FILE))) return read(runDir);
        Path cfg = runDir.resolve("config.json");
        try {
            Object sessions = dev.segue.core.io.Json.parseObject(Files.readString(cfg)).get("sessions");
            if (sessions instanceof String s && Files.isRegularFile(Path.of(s).resolve("items.tsv"))) return fromSessionItems(Path.of(s).resolve("items.tsv"));
        } catch (IOException | RuntimeException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(runDir + " has no " + FILE + " and its config.json names no sessions folder with items.tsv: cannot map track ids");
    }

    /**
     * Reads {@code items.tsv} as {@code segue sessions} writes it (item · track_id · …, dense ids 1…N in
     * order); errors name the file and line.
     */
    public static RunItems fromSessionItems(Path itemsTsv) {
        try {
            List<String> lines = Files.readAllLines(itemsTsv, StandardCharsets.UTF_8);
            List<String> ids = new ArrayList<>();
            ids.add("<pad>");
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isEmpty()) continue;
                String[] f = lines.get(i).split("\t", -1);
                if (f.length < 2) throw new IllegalArgumentException(itemsTsv + " line " + (i + 1) + ": expected item<TAB>track_id, got '" + lines.get(i) + "'");
                int d;
                try { d = Integer.parseInt(f[0]); } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(itemsTsv + " line " + (i + 1) + ": item '" + f[0] + "' is not a number");
                }
                if (d != ids.size()) throw new IllegalArgumentException(itemsTsv + " line " + (i + 1) + ": item " + d + " out of order (expected " + ids.size() + ")");
                ids.add(f[1]);
            }
            return new RunItems(ids.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + itemsTsv + ": " + e.getMessage(), e);
        }
    }
}
