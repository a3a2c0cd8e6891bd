package dev.segue.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The whole pipeline on the tiny corpus: every step runs and both tables come out complete. */
class DemoCommandTest {

    @Test
    void tinyDemoWritesBothTablesAndResumesWithoutRedoingWork(@TempDir Path dir) throws Exception {
        String[] args = {"demo", "--out", dir.toString(), "--preset", "tiny", "--epochs", "1", "--dim", "16", "--threads", "2"};
        assertEquals(0, new CommandLine(new Segue()).execute(args));
        List<String> t52 = Files.readAllLines(dir.resolve("results/table_5_2.csv"));
        List<String> t53 = Files.readAllLines(dir.resolve("results/table_5_3.csv"));
        assertEquals(1 + 3, t52.size(), "header + random, audio init, late fusion");
        assertEquals(1 + 4, t53.size(), "header + random, MF, FM, audio");
        for (List<String> t : List.of(t52, t53))
            for (String row : t.subList(1, t.size())) {
                String[] f = row.split(",");
                for (int i = f.length - 6; i < f.length; i++) {
                    double v = Double.parseDouble(f[i]);
                    assertTrue(v >= 0 && v <= 1, row);          // a metric, never NaN
                }
            }
        for (String run : List.of("t4rec-random", "rta-mf"))
            for (String file : List.of("config.json", "metrics.csv", "test_metrics.json", "learning_curve.png"))
                assertTrue(Files.exists(dir.resolve("runs").resolve(run).resolve(file)), run + "/" + file);
        // a second invocation finds every step done and only rebuilds the tables
        long before = Files.getLastModifiedTime(dir.resolve("runs/rta-mf/test_metrics.json")).toMillis();
        assertEquals(0, new CommandLine(new Segue()).execute(args));
        assertEquals(before, Files.getLastModifiedTime(dir.resolve("runs/rta-mf/test_metrics.json")).toMillis());
        assertEquals(t52, Files.readAllLines(dir.resolve("results/table_5_2.csv")));
    }
}
