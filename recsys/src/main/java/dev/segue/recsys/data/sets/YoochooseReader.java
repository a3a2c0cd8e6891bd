package dev.segue.recsys.data.sets;

import dev.segue.recsys.data.DataFileException;
import dev.segue.recsys.data.IdDictionary;
import dev.segue.recsys.data.SessionCsr;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * session-rec's prepared YOOCHOOSE files ({@code SessionId<TAB>ItemId<TAB>Time} with a header; a
 * session's rows contiguous and in time order). Items are mapped to dense ids 1…N through a shared
 * dictionary (index + 1), so train and test files read with the same dictionary agree.
 */
public final class YoochooseReader {
    private YoochooseReader() {}

    public record Data(SessionCsr sessions, long[] sessionIds) {}

    public static Data read(Path file, IdDictionary items) {
        LongArrayList off = new LongArrayList();
        LongArrayList ids = new LongArrayList();
        IntArrayList it = new IntArrayList();
        off.add(0);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) throw new DataFileException(file, 0, "empty file");
            if (!header.startsWith("SessionId\tItemId\tTime")) throw new DataFileException(file, 1, "expected header SessionId, ItemId, Time");
            String s;
            long line = 1, current = Long.MIN_VALUE;
            while ((s = r.readLine()) != null) {
                line++;
                String[] f = s.split("\t", -1);
                if (f.length != 3) throw new DataFileException(file, line, "expected 3 tab-separated fields, found " + f.length);
                long session;
                try {
                    session = Long.parseLong(f[0]);
                    Long.parseLong(f[1]);
                    Double.parseDouble(f[2]);
                } catch (NumberFormatException e) {
                    throw new DataFileException(file, line, "bad number: " + e.getMessage());
                }
                if (session != current) {
                    if (current != Long.MIN_VALUE) off.add(it.size());
                    ids.add(session);
                    current = session;
                }
                it.add(items.add(f[1]) + 1);
            }
            if (current != Long.MIN_VALUE) off.add(it.size());
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Data(new SessionCsr(off.toLongArray(), it.toIntArray()), ids.toLongArray());
    }
}
