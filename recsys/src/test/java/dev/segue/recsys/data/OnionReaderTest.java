package dev.segue.recsys.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnionReaderTest {
    @TempDir Path dir;

    @Test
    void readsBzip2NewestFirstRecordsAndSessionizesThemInTimeOrder() throws Exception {
        String text = "user_id\ttrack_id\ttimestamp\n"
                + "u1\tT3\t1546304400\n"   // 2019-01-01 01:00
                + "u1\tT2\t1546302600\n"   // 00:30
                + "u1\tT1\t1546300800\n"   // 00:00
                + "u1\tT9\t1546000000\n"   // days earlier: a one-event session
                + "u2\tT1\tnot-a-time\n";  // line 6
        Path file = dir.resolve("userid_trackid_timestamp.tsv.bz2");
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        DataFileException e = assertThrows(DataFileException.class, () -> OnionReader.read(file, null, BadRows.fail()));
        assertEquals(6, e.line());
        BadRows skip = BadRows.skip();
        ListeningHistory h = OnionReader.read(file, null, skip);
        assertEquals(4, h.size());
        assertEquals(1, skip.total());
        Sessions s = Sessionizer.sessionize(h, 3600, false).sessions();
        assertEquals(1, s.count());
        int[] items = s.items(0);
        assertArrayEquals(new String[] {"T1", "T2", "T3"},
                new String[] {s.tracks().id(items[0]), s.tracks().id(items[1]), s.tracks().id(items[2])});
    }
}
