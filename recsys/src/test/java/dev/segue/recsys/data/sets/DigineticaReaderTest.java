package dev.segue.recsys.data.sets;

import dev.segue.recsys.data.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class DigineticaReaderTest {

    @Test
    void clicksAreOrderedByTimeframeAndTheSessionDateIsTheLastRows(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("views.csv");
        Files.writeString(f, "session_id;user_id;item_id;timeframe;eventdate\n"
                + "1;NA;30;500;2016-01-01\n1;NA;10;100;2016-01-01\n1;NA;20;300;2016-01-02\n2;7;40;0;2016-02-01");
        DigineticaReader.Data d = DigineticaReader.read(f);
        assertEquals(2, d.count());
        assertArrayEquals(new String[]{"10", "20", "30"}, d.sessions().get(0));
        assertEquals(java.time.LocalDate.parse("2016-01-02").toEpochDay() * 86_400L, d.sessionDates()[0]);
        assertArrayEquals(new long[]{1, 2}, d.sessionIds());
    }

    @Test
    void aBadRowNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("views.csv");
        Files.writeString(f, "session_id;user_id;item_id;timeframe;eventdate\n1;NA;30;500;2016-01-01\n1;NA;10;100;2016-13-01\n");
        DataFileException e = assertThrows(DataFileException.class, () -> DigineticaReader.read(f));
        assertTrue(e.getMessage().contains("views.csv:3"), e.getMessage());
    }
}
