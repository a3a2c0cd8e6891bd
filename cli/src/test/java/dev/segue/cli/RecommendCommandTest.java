package dev.segue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.segue.recsys.data.SessionPipeline;
import dev.segue.recsys.data.synth.SynthConfig;
import dev.segue.recsys.data.synth.SyntheticCorpus;
import dev.segue.recsys.rta.RtaCorpus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code segue train rta} then {@code segue recommend} on its run folder, on the tiny synthetic corpus. */
class RecommendCommandTest {

    @Test
    void recommendsFromAnRtaRunWithoutTheSeedsAndNamesUnknownTracks(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("corpus"), sessions = dir.resolve("sessions"), run = dir.resolve("run");
        SyntheticCorpus.generate(SynthConfig.preset("tiny", 3).withAudio(0, 22_050), corpus, s -> { });
        SessionPipeline.Options so = SessionPipeline.Options.defaults();
        SessionPipeline.run(corpus, null, sessions, new SessionPipeline.Options(so.gapSeconds(), true, so.rtaN(), so.seed(), false), s -> { });
        // fm: the representer that needs the most beyond its weights (item groups)
        assertEquals(0, new CommandLine(new Segue()).execute("train", "rta", "--sessions", sessions.toString(), "--out", run.toString(),
                "--representer", "fm", "--music4all", corpus.toString(), "--factors", "16", "--wrmf-iterations", "3", "--heads", "2",
                "--ffn", "32", "--n-neg", "20", "--n-easy", "5", "--n-hard", "5", "--epochs", "1", "--threads", "2"));
        assertTrue(Files.exists(run.resolve("items.txt")));

        RtaCorpus c = RtaCorpus.read(sessions);
        int[] seeds = c.test().get(c.test().size() - 1).seeds();
        List<String> ids = new ArrayList<>();
        for (int s : seeds) ids.add(c.trackIds()[s]);
        String[] out = run(0, "recommend", "--run", run.toString(), "--session", String.join(" ", ids), "-k", "20");
        List<String> lines = out[0].lines().toList();
        assertEquals("rank\ttrack_id\tscore", lines.get(0));
        assertEquals(1 + 20, lines.size(), out[0]);
        double prev = Double.POSITIVE_INFINITY;
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t");
            assertEquals(Integer.toString(i), f[0]);
            assertFalse(ids.contains(f[1]), "seed " + f[1] + " recommended");
            assertTrue(seen.add(f[1]), "duplicate " + f[1]);
            double score = Double.parseDouble(f[2]);
            assertTrue(score <= prev, "scores best first: " + out[0]);
            prev = score;
        }

        String[] bad = run(2, "recommend", "--run", run.toString(), "--session", ids.get(0) + " NOT_A_TRACK other-missing", "-k", "5");
        assertTrue(bad[1].contains("2 tracks 'NOT_A_TRACK' (position 2), 'other-missing' (position 3) are not in the run's vocabulary"), bad[1]);
        assertTrue(bad[0].isEmpty(), bad[0]);
    }

    /** Runs the command; returns {stdout, stderr} after checking the exit code. */
    static String[] run(int exit, String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        StringWriter err = new StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            CommandLine cl = new CommandLine(new Segue());
            cl.setErr(new PrintWriter(err, true));
            code = cl.execute(args);
        } finally {
            System.setOut(old);
        }
        String[] r = {buf.toString(StandardCharsets.UTF_8), err.toString()};
        if (code != exit) fail("exit " + code + " (expected " + exit + "):\n" + r[0] + "\n" + r[1]);
        return r;
    }
}
