package dev.segue.recsys.t4rec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** #nowplaying read as a T4Rec split: 90/10 train/valid by session order, one test session per case. */
class T4RecDataTest {
    @TempDir Path dir;

    @Test void nowplayingSplit() throws Exception {
        StringBuilder train = new StringBuilder();
        for (int s = 0; s < 10; s++) train.append(s + 1).append(' ').append(s + 2).append(' ').append(s + 3).append('\n');
        Files.writeString(dir.resolve("train_sessions.tsv"), train.toString());
        Files.writeString(dir.resolve("test.tsv"), "4 5\t6\n4\t5\n7\t2\n");
        T4RecData d = T4RecData.nowplaying(dir);
        assertEquals(13, d.items().size());            // ids 1…12 + padding
        assertEquals("12", d.items().trackId(12));
        assertEquals(9, d.train().count());
        assertEquals(1, d.valid().count());
        assertArrayEquals(new int[]{10, 11, 12}, d.valid().session(0));
        assertEquals(3, d.test().count());
        assertArrayEquals(new int[]{4, 5, 6}, d.test().session(0));
        assertArrayEquals(new int[]{4, 5}, d.test().session(1));
        assertArrayEquals(new int[]{7, 2}, d.test().session(2));
        assertSame(d.valid(), d.split("valid"));
        assertThrows(IllegalArgumentException.class, () -> d.split("dev"));
    }
}
