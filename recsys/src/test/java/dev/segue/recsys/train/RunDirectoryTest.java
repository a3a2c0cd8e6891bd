package dev.segue.recsys.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RunDirectoryTest {

    static Map<String, Object> row(int epoch, double loss) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", (long) epoch);
        m.put("loss", loss);
        return m;
    }

    @Test
    void metricsAreRewrittenAndAResumedRunReplacesReplayedEpochs(@TempDir Path dir) throws Exception {
        RunDirectory run = RunDirectory.open(dir);
        run.appendMetrics(row(1, 3.5));
        run.appendMetrics(row(2, 2.25));
        run.appendMetrics(row(3, 2.0));
        // the run died during epoch 3 and resumes from the epoch-2 checkpoint
        RunDirectory resumed = RunDirectory.open(dir);
        assertEquals(3, resumed.metricRows().size());
        resumed.appendMetrics(row(3, 1.75));
        assertEquals("epoch,loss\n1,3.50000\n2,2.25000\n3,1.75000\n", Files.readString(dir.resolve("metrics.csv")));
        run.writeConfig(Map.of("lr", 5e-5));
        assertTrue(Files.readString(dir.resolve("config.json")).contains("\"lr\": 5.0E-5"));
    }

    @Test
    void learningCurvePngDecodes(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("curve.png");
        new LineChart("loss", "epoch", "value").add("train", new double[]{1, 2, 3}, new double[]{3, 2, 1.5})
                .add("valid", new double[]{1, 2, 3}, new double[]{3.2, Double.NaN, 2}).writePng(png, 640, 400);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
        boolean coloured = false;
        for (int x = 0; x < 640 && !coloured; x++)
            for (int y = 0; y < 400; y++) { int rgb = img.getRGB(x, y) & 0xffffff; if (rgb == 0x1f77b4) { coloured = true; break; } }
        assertTrue(coloured, "the first series is drawn in its colour");
    }

    @Test
    void progressPrintsRateAndEta() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Progress p = new Progress("epoch 1", 100, "batches", new PrintStream(buf), false);
        for (int i = 1; i <= 100; i++) p.update(i, "loss 1.0");
        String s = buf.toString();
        assertEquals(11, s.lines().count(), s);            // the first update, then one line per 10% when not on a terminal
        assertTrue(s.contains("100/100 batches") && s.contains("batches/s") && s.contains("ETA") && s.contains("loss 1.0"), s);
    }

    @Test
    void progressToALogIsQuietForShortJobsAndSafeAcrossThreads() throws Exception {
        java.util.List<String> lines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Progress p = new Progress("clips", 10_000, "clips", lines::add);
        Thread[] ts = new Thread[4];
        for (int t = 0; t < ts.length; t++) { ts[t] = new Thread(() -> { for (int i = 0; i < 2_500; i++) p.step(); }); ts[t].start(); }
        for (Thread t : ts) t.join();
        assertEquals(1, lines.size(), lines.toString());    // a short job: only its final line
        assertTrue(lines.get(0).contains("10000/10000 clips"), lines.get(0));
    }

    @Test
    void tickLabelsDropTrailingZeros() {
        assertEquals("1.2", LineChart.tick(1.2));
        assertEquals("2", LineChart.tick(2.0));
        assertEquals("0.0345", LineChart.tick(0.0345));
        assertEquals("0", LineChart.tick(-0.0));
        assertEquals("1.235e+06", LineChart.tick(1234567));
    }
}
