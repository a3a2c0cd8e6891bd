package dev.segue.recsys.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.core.io.Json;
import dev.segue.recsys.data.synth.SynthConfig;
import dev.segue.recsys.data.synth.SyntheticCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionPipelineTest {
    @TempDir Path dir;

    @Test
    void writesReadableAndMappableSplitsWithTrainingOnlyPopularity() throws Exception {
        Path corpus = dir.resolve("corpus"), out = dir.resolve("out");
        SyntheticCorpus.generate(SynthConfig.preset("tiny", 2).withAudio(0, 22_050), corpus, s -> { });
        SessionPipeline.Output o = SessionPipeline.run(corpus, null, out, SessionPipeline.Options.defaults(), s -> { });

        // the CSR files hold exactly what sessions.tsv shows
        SessionCsr csr = SessionCsr.read(out, "sessions");
        List<String> lines = Files.readAllLines(out.resolve("sessions.tsv"));
        assertEquals("session\tuser\tstart\titems", lines.get(0));
        assertEquals(csr.count(), lines.size() - 1);
        for (int s = 0; s < csr.count(); s += 97) {
            String[] f = lines.get(s + 1).split("\t");
            int[] items = java.util.Arrays.stream(f[3].split(" ")).mapToInt(Integer::parseInt).toArray();
            assertArrayEquals(items, csr.session(s));
        }
        // popularity columns count training sessions only
        SessionCsr t4train = SessionCsr.read(out.resolve("t4rec"), "train");
        long sum = 0;
        for (String l : Files.readAllLines(out.resolve("items.tsv")).subList(1, o.vocab().size())) sum += Long.parseLong(l.split("\t")[3]);
        assertEquals(t4train.items().length, sum);
        // the next-item truth is the last item of each T4Rec test session, keyed by session index
        List<String> next = Files.readAllLines(out.resolve("t4rec/test_next_truth.tsv"));
        assertEquals(o.t4rec().test().length, next.size());
        String[] first = next.get(0).split("\t");
        int session = Integer.parseInt(first[0]);
        int[] items = csr.session(session);
        assertEquals(items[items.length - 1], Integer.parseInt(first[1]));
        // items.tsv and the RTA queries read back as written
        ItemTable table = ItemTable.read(out.resolve("items.tsv"));
        assertEquals(o.vocab().size(), table.size());
        assertEquals(t4train.items().length, java.util.Arrays.stream(table.t4recTrainCount()).sum());
        assertEquals(-1, table.artist()[0]);
        List<RtaQuery> back = SessionFiles.readQueries(out.resolve("rta/test_queries.tsv"));
        assertEquals(o.rta().testQueries().size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            assertArrayEquals(o.rta().testQueries().get(i).seeds(), back.get(i).seeds());
            assertArrayEquals(o.rta().testQueries().get(i).truth(), back.get(i).truth());
        }
        // every split file exists and the stats JSON agrees with the returned stats
        for (String f : new String[] {"t4rec/valid.tsv", "t4rec/test.tsv", "rta/train.tsv", "rta/test_queries.tsv", "rta/valid_truth.tsv", "stats.md"})
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        Map<String, Object> stats = Json.parseObject(Files.readString(out.resolve("stats.json")));
        assertEquals((long) o.stats().sessionsKept(), ((Number) stats.get("sessions")).longValue());
        assertEquals(o.t4rec().train().length + o.t4rec().valid().length + o.t4rec().test().length, o.stats().sessionsKept());
    }
}
