package dev.segue.recsys.data.sets;

import dev.segue.recsys.data.DataFileException;
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
 * #nowplaying as preprocessed for GCE-GNN ({@code ../shared/data/nowplaying}): {@code train_sessions.tsv}
 * (one session per line, item ids 1…N separated by spaces) and {@code test.tsv} ({@code prefix<TAB>label}).
 * Item ids are kept as given: they are already dense with 0 free for padding.
 */
public final class NowplayingReader {
    private NowplayingReader() {}

    /** Training sessions; test cases as prefixes (CSR) with one label each; the largest item id. */
    public record Data(SessionCsr train, SessionCsr testPrefixes, int[] testLabels, int maxItem) {

        /**
         * The test sessions behind the cases: the file lists every session's prefixes longest first,
         * so a session ends at the case whose prefix has length 1; the session is that case's longest
         * prefix plus its label.
         */
        public SessionCsr testSessions() {
            LongArrayList off = new LongArrayList();
            IntArrayList items = new IntArrayList();
            off.add(0);
            int first = 0;
            for (int q = 0; q < testLabels.length; q++) {
                if (testPrefixes.length(q) == 1) {
                    items.addAll(IntArrayList.wrap(testPrefixes.session(first)));
                    items.add(testLabels[first]);
                    off.add(items.size());
                    first = q + 1;
                }
            }
            return new SessionCsr(off.toLongArray(), items.toIntArray());
        }
    }

    public static Data read(Path dir) {
        int[] max = {0};
        SessionCsr train = readLists(dir.resolve("train_sessions.tsv"), false, null, max);
        IntArrayList labels = new IntArrayList();
        SessionCsr test = readLists(dir.resolve("test.tsv"), true, labels, max);
        return new Data(train, test, labels.toIntArray(), max[0]);
    }

    private static SessionCsr readLists(Path file, boolean withLabel, IntArrayList labels, int[] max) {
        LongArrayList off = new LongArrayList();
        IntArrayList items = new IntArrayList();
        off.add(0);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String s;
            long line = 0;
            while ((s = r.readLine()) != null) {
                line++;
                String list = s;
                if (withLabel) {
                    int tab = s.indexOf('\t');
                    if (tab < 0) throw new DataFileException(file, line, "expected 'prefix<TAB>label'");
                    labels.add(parseItem(s.substring(tab + 1), file, line, max));
                    list = s.substring(0, tab);
                }
                if (list.isEmpty()) throw new DataFileException(file, line, "empty session");
                for (String tok : list.split(" ")) items.add(parseItem(tok, file, line, max));
                off.add(items.size());
            }
            if (line == 0) throw new DataFileException(file, 0, "empty file");
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new SessionCsr(off.toLongArray(), items.toIntArray());
    }

    private static int parseItem(String tok, Path file, long line, int[] max) {
        try {
            int v = Integer.parseInt(tok);
            if (v < 1) throw new DataFileException(file, line, "item id " + v + " (ids start at 1; 0 is padding)");
            max[0] = Math.max(max[0], v);
            return v;
        } catch (NumberFormatException e) {
            throw new DataFileException(file, line, "bad item id '" + tok + "'");
        }
    }
}
