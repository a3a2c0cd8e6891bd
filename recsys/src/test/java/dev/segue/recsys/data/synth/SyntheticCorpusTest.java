package dev.segue.recsys.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.core.cpu.Parallel;
import dev.segue.recsys.data.BadRows;
import dev.segue.recsys.data.Music4All;
import dev.segue.recsys.data.Music4AllReader;
import dev.segue.recsys.data.SessionStats;
import dev.segue.recsys.data.Sessionizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusTest {
    @TempDir Path dir;

    @Test
    void demoSessionsHaveTheStudysShape() {
        // the demo preset without audio: ~300k events, ~44k sessions
        SynthConfig c = SynthConfig.preset("demo", 1).withAudio(0, 22_050);
        SyntheticCorpus.generate(c, dir, s -> { });
        Music4All m = Music4AllReader.read(dir, BadRows.fail());
        SessionStats st = Sessionizer.sessionize(m.history(), 3600, false).stats();
        // events within 3% of the target (window truncation of the most active users costs a little)
        assertEquals(300_000, st.events(), 9_000);
        // one-event share: the process draws 18%; with ~44k sessions the standard error is 0.18 points,
        // so ±1 point is ~5 standard errors
        assertEquals(0.18, st.oneSongShare(), 0.01, "one-song share " + st.oneSongShare());
        // mean kept length: 2 + E⌊X⌋ ≈ 8 (⌊·⌋ costs ~0.5 of E X = 6.5, not exactly); the standard error is
        // ~0.04, the ±0.25 allows for the approximation of E⌊X⌋
        assertEquals(8.0, st.averageLength(), 0.25, "mean length " + st.averageLength());
        // repeats exist (the RTA preprocessing removes them): dedup removes at least a few percent of events
        SessionStats dd = Sessionizer.sessionize(m.history(), 3600, true).stats();
        assertTrue(dd.dedupRemovedEvents() > 0.03 * st.events(), "repeats removed: " + dd.dedupRemovedEvents());
        // timestamps stay in 2019-01-01 … 2019-03-20
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (int i = 0; i < m.history().size(); i++) { lo = Math.min(lo, m.history().time(i)); hi = Math.max(hi, m.history().time(i)); }
        assertTrue(lo >= 1546300800L && hi < 1546300800L + 79 * 86400L, lo + " .. " + hi);
        // all five catalogue tables and the truth exist with one row per track
        for (String f : new String[] {"id_information.csv", "id_metadata.csv", "id_genres.csv", "id_tags.csv", "id_lang.csv", "synth_truth.tsv"})
            assertEquals(c.tracks() + 1, lines(dir.resolve(f)), f);
    }

    private static long lines(Path p) {
        try (var s = Files.lines(p)) { return s.count(); } catch (IOException e) { throw new RuntimeException(e); }
    }

    @Test
    void sameSeedSameBytesForAnyThreadCount() throws IOException {
        SynthConfig c = SynthConfig.preset("tiny", 5).withSizes(null, null, 60, 20, 2_000L).withAudio(0.2, 8_000);
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            SyntheticCorpus.generate(c, dir.resolve("a"), s -> { });
            Parallel.setThreads(2);
            SyntheticCorpus.generate(c, dir.resolve("b"), s -> { });
        } finally {
            Parallel.setThreads(before);
        }
        for (String f : new String[] {"listening_history.csv", "id_information.csv", "synth_truth.tsv"})
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        try (var files = Files.list(dir.resolve("a/audios"))) {
            for (Path p : (Iterable<Path>) files::iterator)
                assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(dir.resolve("b/audios").resolve(p.getFileName())));
        }
        SyntheticCorpus.generate(SynthConfig.preset("tiny", 6).withSizes(null, null, 60, 20, 2_000L).withAudio(0, 8_000), dir.resolve("c"), s -> { });
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a/listening_history.csv")),
                Files.readAllBytes(dir.resolve("c/listening_history.csv"))), "another seed, another history");
    }
}
