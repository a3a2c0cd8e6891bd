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
import java.util.Arrays;

/**
 * Reads a tab-separated file with a header row line by line: checks that the header names the
 * required columns and hands every data row, split on tabs (commas are data), to a consumer with its
 * 1-based line number. Rows with the wrong number of fields go to {@link BadRows}.
 */
public final class TsvFile {
    private TsvFile() {}

    /** One data row: {@code values[i]} is the value of column {@code required[i]}; the array is reused. */
    @FunctionalInterface
    public interface RowHandler { void row(String[] values, long line); }

    /**
     * Reads every data row; returns the number of header columns.
     * @param required column names that must be in the header, in the order the handler gets them
     */
    public static int read(Path file, String[] required, BadRows bad, RowHandler handler) {
        try (InputStream in = open(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String header = r.readLine();
            if (header == null) throw new DataFileException(file, 0, "empty file (expected a header row with columns " + Arrays.toString(required) + ")");
            if (header.startsWith("\uFEFF")) header = header.substring(1);
            String[] names = header.split("\t", -1);
            int[] idx = new int[required.length];
            for (int i = 0; i < required.length; i++) {
                idx[i] = indexOf(names, required[i]);
                if (idx[i] < 0) throw new DataFileException(file, 1, "missing column '" + required[i]
                        + "' (header has " + Arrays.toString(names) + "; the file must be tab-separated)");
            }
            int width = names.length;
            String[] fields = new String[width];
            String[] values = new String[required.length];
            long line = 1;
            String s;
            while ((s = r.readLine()) != null) {
                line++;
                if (s.isEmpty()) continue;
                if (split(s, fields) != width) {
                    bad.bad(file, line, "expected " + width + " tab-separated fields, found " + countFields(s));
                    continue;
                }
                for (int i = 0; i < idx.length; i++) values[i] = fields[idx[i]];
                handler.row(values, line);
            }
            return width;
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens a file, decompressing {@code .gz}. */
    static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) return new java.util.zip.GZIPInputStream(in, 1 << 16);
        return in;
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) if (names[i].trim().equals(name)) return i;
        return -1;
    }

    /** Splits on tabs into {@code out}; returns the field count (which may exceed out.length). */
    static int split(String s, String[] out) {
        int n = 0, start = 0;
        for (int i = 0, len = s.length(); i <= len; i++) {
            if (i == len || s.charAt(i) == '\t') {
                if (n < out.length) out[n] = s.substring(start, i);
                n++;
                start = i + 1;
            }
        }
        return n;
    }

    private static int countFields(String s) {
        int n = 1;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\t') n++;
        return n;
    }
}
