package dev.segue.recsys.embed;

import dev.segue.core.Rng;
import dev.segue.recsys.data.ItemVocabulary;
import dev.segue.recsys.data.ListeningHistory;
import dev.segue.recsys.data.Sessionizer;
import dev.segue.recsys.data.Sessions;
import dev.segue.recsys.data.Timestamps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ItemEmbeddingsTest {

    /** One session a → c → b: dense ids a=1, c=2, b=3 (order of first appearance). */
    static ItemVocabulary vocab() {
        ListeningHistory.Builder b = new ListeningHistory.Builder();
        long t = Timestamps.parse("2019-01-01 00:00");
        b.add("u", "a", t);
        b.add("u", "c", t + 60);
        b.add("u", "b", t + 120);
        Sessions s = Sessionizer.sessionize(b.build(), 3600, false).sessions();
        return ItemVocabulary.of(s);
    }

    @Test
    void npyRoundTripAndAlignmentToDenseIds(@TempDir Path dir) {
        ItemEmbeddings e = new ItemEmbeddings(new String[]{"b", "a", "c", "zz"}, new float[]{3, 30, 1, 10, 2, 20, 9, 90}, 2);
        e.write(dir.resolve("e.npy"), dir.resolve("ids.txt"));
        ItemEmbeddings r = ItemEmbeddings.readNpy(dir.resolve("e.npy"), dir.resolve("ids.txt"));
        assertArrayEquals(e.ids(), r.ids());
        assertArrayEquals(e.data(), r.data());
        ItemEmbeddings.Aligned al = r.alignTo(vocab(), false, new Rng(1), 0.1);
        assertEquals(0, al.missing());
        // row 0 padding, then a, c, b
        assertArrayEquals(new float[]{0, 0, 1, 10, 2, 20, 3, 30}, al.table().toFloatArray());
    }

    @Test
    void missingItemsAreAnErrorUnlessAllowed(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("e.csv");
        Files.writeString(csv, "id,v1,v2\na,1,2\nb,3,4\n");
        ItemEmbeddings e = ItemEmbeddings.readCsv(csv);
        assertEquals(2, e.size());
        IllegalArgumentException err = assertThrows(IllegalArgumentException.class, () -> e.alignTo(vocab(), false, new Rng(1), 0.1));
        assertTrue(err.getMessage().contains("c") && err.getMessage().contains("--allow-missing"), err.getMessage());
        ItemEmbeddings.Aligned al = e.alignTo(vocab(), true, new Rng(1), 0.1);
        assertEquals(1, al.missing());
        float[] t = al.table().toFloatArray();
        assertEquals(1f, t[2]);
        assertEquals(3f, t[6]);
        assertNotEquals(0f, t[4]);               // c drawn at random
        Files.writeString(csv, "a,1,2\nb,3\n");
        err = assertThrows(IllegalArgumentException.class, () -> ItemEmbeddings.readCsv(csv));
        assertTrue(err.getMessage().contains("e.csv:2"), err.getMessage());
    }
}
