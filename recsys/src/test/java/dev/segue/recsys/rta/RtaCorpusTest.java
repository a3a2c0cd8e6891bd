package dev.segue.recsys.rta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.recsys.data.DataFileException;
import dev.segue.recsys.data.RtaQuery;
import dev.segue.recsys.data.SessionCsr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RtaCorpusTest {
    @TempDir Path dir;

    @Test
    void groupsShowTheFirstGSongsAndWithholdTheRestOnce() {
        // 20 sessions of 12 songs: 2 per group; session s = items s*12+1 … with a repeat of a seed
        long[] off = new long[21];
        int[] items = new int[240];
        for (int s = 0; s < 20; s++) {
            for (int k = 0; k < 12; k++) items[s * 12 + k] = s * 12 + k + 1;
            items[s * 12 + 11] = items[s * 12];           // last song repeats the first
            off[s + 1] = (s + 1) * 12L;
        }
        List<Integer> chosen = java.util.stream.IntStream.range(0, 20).boxed().toList();
        List<RtaQuery> q = RtaCorpus.grouped(new SessionCsr(off, items), chosen);
        assertEquals(1, q.get(0).group());
        assertEquals(1, q.get(1).group());
        assertEquals(10, q.get(19).group());
        assertArrayEquals(new int[] {1}, q.get(0).seeds());
        assertArrayEquals(new int[] {2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, q.get(0).truth());    // repeat of seed 1 dropped
        RtaQuery last = q.get(19);
        assertEquals(10, last.seeds().length);
        assertArrayEquals(new int[] {19 * 12 + 11}, last.truth());
    }

    @Test
    void badItemsFileNamesFileAndLine() throws Exception {
        Files.writeString(dir.resolve("items.tsv"), "item\ttrack_id\tartist\tt4rec_train_count\trta_train_count\n1\ta\tx\t1\t1\n3\tb\ty\t1\t1\n");
        DataFileException e = assertThrows(DataFileException.class, () -> RtaCorpus.read(dir));
        assertTrue(e.getMessage().contains("items.tsv") && e.getMessage().contains("3"), e.getMessage());
        assertEquals(3, e.line());
    }
}
