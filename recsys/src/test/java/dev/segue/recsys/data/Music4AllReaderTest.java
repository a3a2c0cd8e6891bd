package dev.segue.recsys.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Music4AllReaderTest {
    @TempDir Path dir;

    private void write(String name, String text) throws IOException { Files.writeString(dir.resolve(name), text); }

    private void catalog() throws IOException {
        write("id_information.csv", "id\tartist\tsong\talbum_name\n"
                + "AAAAAAAAAAAAAAA1\tBand, The\tSong one\tAlbum\n"
                + "AAAAAAAAAAAAAAA2\tSolo\tSong two\tAlbum, Deluxe\n");
        write("id_genres.csv", "id\tgenres\nAAAAAAAAAAAAAAA1\trock,indie rock\n");
    }

    @Test
    void readsTheLayoutWithCommasInValues() throws IOException {
        catalog();
        write("listening_history.csv", "user\tsong\ttimestamp\n"
                + "user_1\tAAAAAAAAAAAAAAA2\t2019-01-01 10:00\n"
                + "user_1\tAAAAAAAAAAAAAAA1\t2019-01-01 10:04:30\n");
        Music4All m = Music4AllReader.read(dir, BadRows.fail());
        assertEquals(2, m.history().size());
        assertEquals("Band, The", m.catalog().artist().get(m.history().track(1)));
        assertEquals("rock,indie rock", m.catalog().genres().get(0));
        assertEquals(270, m.history().time(1) - m.history().time(0));
    }

    @Test
    void malformedRowsNameFileAndLineOrAreSkippedAndCounted() throws IOException {
        catalog();
        write("listening_history.csv", "user\tsong\ttimestamp\n"
                + "user_1\tAAAAAAAAAAAAAAA1\t2019-01-01 10:00\n"
                + "user_1\tAAAAAAAAAAAAAAA1\n"                                   // line 3: 2 fields
                + "user_1\tAAAAAAAAAAAAAAA1\t01/01/2019\n"                      // line 4: bad timestamp
                + "user_1\tZZZZZZZZZZZZZZZZ\t2019-01-01 10:05\n"                // line 5: unknown track
                + "user_2\tAAAAAAAAAAAAAAA2\t2019-01-01 10:06\n");
        DataFileException e = assertThrows(DataFileException.class, () -> Music4AllReader.read(dir, BadRows.fail()));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("listening_history.csv:3"), e.getMessage());
        BadRows skip = BadRows.skip();
        Music4All m = Music4AllReader.read(dir, skip);
        assertEquals(2, m.history().size());
        assertEquals(3, skip.total());
        assertTrue(skip.report().contains("listening_history.csv:4: bad timestamp"), skip.report());
        assertTrue(skip.report().contains("listening_history.csv:5: unknown track id 'ZZZZZZZZZZZZZZZZ'"), skip.report());
    }

    @Test
    void emptyFileAndMissingColumnAreClearErrors() throws IOException {
        write("listening_history.csv", "");
        DataFileException e = assertThrows(DataFileException.class, () -> Music4AllReader.read(dir, BadRows.skip()));
        assertTrue(e.getMessage().contains("empty file"), e.getMessage());
        write("listening_history.csv", "user\ttrack\ttimestamp\nu\tt\t2019-01-01 10:00\n");
        e = assertThrows(DataFileException.class, () -> Music4AllReader.read(dir, BadRows.skip()));
        assertTrue(e.getMessage().contains("missing column 'song'"), e.getMessage());
        Files.delete(dir.resolve("listening_history.csv"));
        e = assertThrows(DataFileException.class, () -> Music4AllReader.read(dir, BadRows.skip()));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }

    @Test
    void audioClipsAreFoundByIdWithAnyAcceptedExtension() throws IOException {
        Files.createDirectories(dir.resolve("audios"));
        write("audios/AAAAAAAAAAAAAAA1.mp3", "x");
        write("audios/AAAAAAAAAAAAAAA2.WAV", "x");
        write("audios/notes.txt", "x");
        AudioClips clips = AudioClips.index(dir);
        assertEquals(2, clips.size());
        assertEquals("AAAAAAAAAAAAAAA2.WAV", clips.clip("AAAAAAAAAAAAAAA2").getFileName().toString());
        assertEquals(null, clips.clip("AAAAAAAAAAAAAAA3"));
        write("audios/AAAAAAAAAAAAAAA1.ogg", "x");
        DataFileException e = assertThrows(DataFileException.class, () -> AudioClips.index(dir));
        assertTrue(e.getMessage().contains("a second clip for track AAAAAAAAAAAAAAA1"), e.getMessage());
    }
}
