package dev.segue.recsys.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Music4All-Onion's listening records, {@code userid_trackid_timestamp.tsv[.bz2|.gz]}: tab-separated
 * user id, track id and Unix seconds, rows newest first per user (the sessionizer's sort handles
 * that). A header row is recognised by a non-numeric timestamp field; otherwise the columns are taken
 * in that order. With a catalogue (a Music4All {@code id_information.csv}), unknown track ids are bad rows.
 */
public final class OnionReader {
    private OnionReader() {}

    public static ListeningHistory read(Path file, IdDictionary catalogue, BadRows bad) {
        boolean closed = catalogue != null && catalogue.size() > 0;
        ListeningHistory.Builder b = new ListeningHistory.Builder(closed ? catalogue : new IdDictionary());
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = decompress(file, raw);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String s;
            long line = 0, rows = 0;
            int cu = 0, ct = 1, cs = 2, width = 3;
            String[] f = new String[8];
            while ((s = r.readLine()) != null) {
                line++;
                if (s.isEmpty()) continue;
                int n = TsvFile.split(s, f);
                if (line == 1 && n >= 3 && !isInteger(f[Math.min(2, n - 1)])) {
                    // a header: find the columns by name
                    width = n;
                    cu = ct = cs = -1;
                    for (int i = 0; i < Math.min(n, f.length); i++) {
                        String h = f[i].trim().toLowerCase(Locale.ROOT).replace("_", "");
                        if (h.startsWith("user")) cu = i;
                        else if (h.startsWith("track") || h.equals("song") || h.equals("item")) ct = i;
                        else if (h.startsWith("timestamp") || h.equals("time")) cs = i;
                    }
                    if (cu < 0 || ct < 0 || cs < 0) throw new DataFileException(file, 1, "header must name user, track and timestamp columns: " + s);
                    continue;
                }
                if (n != width) { bad.bad(file, line, "expected " + width + " tab-separated fields, found " + n); continue; }
                long t;
                try { t = Long.parseLong(f[cs].trim()); } catch (NumberFormatException e) { bad.bad(file, line, "bad unix timestamp '" + f[cs] + "'"); continue; }
                int track;
                if (closed) {
                    track = catalogue.indexOf(f[ct]);
                    if (track < 0) { bad.bad(file, line, "unknown track id '" + f[ct] + "'"); continue; }
                } else {
                    track = b.tracks().add(f[ct]);
                }
                b.add(f[cu], track, t);
                rows++;
            }
            if (rows == 0) throw new DataFileException(file, 0, "no listening records");
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return b.build();
    }

    private static InputStream decompress(Path file, InputStream raw) throws IOException {
        String name = file.getFileName().toString();
        InputStream buffered = new java.io.BufferedInputStream(raw, 1 << 16);
        if (name.endsWith(".bz2")) return new BZip2CompressorInputStream(buffered, true);
        if (name.endsWith(".gz")) return new java.util.zip.GZIPInputStream(buffered, 1 << 16);
        return buffered;
    }

    private static boolean isInteger(String s) {
        String t = s.trim();
        if (t.isEmpty()) return false;
        for (int i = 0; i < t.length(); i++) if (!Character.isDigit(t.charAt(i))) return false;
        return true;
    }
}
