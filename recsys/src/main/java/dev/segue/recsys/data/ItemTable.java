package dev.segue.recsys.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code items.tsv} of {@code segue sessions} read back for models and metrics, indexed by dense id
 * (index 0 = padding: empty id, artist −1, counts 0). Artists are numbered in order of first appearance.
 */
public record ItemTable(String[] trackIds, int[] artist, long[] t4recTrainCount, long[] rtaTrainCount) {

    /** Number of ids including padding. */
    public int size() { return trackIds.length; }

    public static ItemTable read(Path file) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) throw new DataFileException(file, 0, "empty file");
            if (!header.equals("item\ttrack_id\tartist\tt4rec_train_count\trta_train_count"))
                throw new DataFileException(file, 1, "expected the header of items.tsv (item, track_id, artist, t4rec_train_count, rta_train_count)");
            String s;
            long line = 1;
            while ((s = r.readLine()) != null) {
                line++;
                String[] f = s.split("\t", -1);
                if (f.length != 5) throw new DataFileException(file, line, "expected 5 fields, found " + f.length);
                if (!f[0].equals(Long.toString(line - 1))) throw new DataFileException(file, line, "item ids must run 1, 2, 3, …; found '" + f[0] + "'");
                rows.add(f);
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int n = rows.size() + 1;
        String[] ids = new String[n];
        int[] artist = new int[n];
        long[] t4 = new long[n], rta = new long[n];
        ids[0] = "";
        artist[0] = -1;
        IdDictionary artists = new IdDictionary();
        for (int i = 1; i < n; i++) {
            String[] f = rows.get(i - 1);
            ids[i] = f[1];
            artist[i] = artists.add(f[2]);
            try {
                t4[i] = Long.parseLong(f[3]);
                rta[i] = Long.parseLong(f[4]);
            } catch (NumberFormatException e) {
                throw new DataFileException(file, i + 1, "bad count: " + e.getMessage());
            }
        }
        return new ItemTable(ids, artist, t4, rta);
    }
}
