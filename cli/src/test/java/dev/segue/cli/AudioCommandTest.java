package dev.segue.cli;

import dev.segue.core.io.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class AudioCommandTest {
    /** 1 s of a 440 Hz tone at 22050 Hz, 16-bit mono WAV. */
    static Path toneWav(Path dir) throws Exception {
        int n = 22050;
        var b = java.nio.ByteBuffer.allocate(44 + 2 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(22050).putInt(44100).putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(2 * n);
        for (int i = 0; i < n; i++) b.putShort((short) Math.round(8000 * Math.sin(2 * Math.PI * 440 * i / 22050.0)));
        Path p = dir.resolve("tone.wav");
        Files.write(p, b.array());
        return p;
    }

    @Test
    void featuresWriteLibrosaLayout(@TempDir Path dir) throws Exception {
        Path wav = toneWav(dir);
        String[][] cases = {{"stft", "2,1025,44"}, {"mel", "128,44"}, {"mfcc", "13,44", "--n-mfcc", "13"}, {"mfcc-deltas", "39,44", "--n-mfcc", "13"}, {"cqt", "84,44", "--magnitude"},
                {"chroma-stft", "12,44"}, {"chroma-cqt", "12,44"}, {"musicnn", "63,96"}, {"logmel", "40,87", "--n-mels", "40", "--hop", "256"}};
        for (String[] c : cases) {
            Path out = dir.resolve(c[0] + ".npy");
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("audio", "features", "--in", wav.toString(), "--feature", c[0], "--out", out.toString()));
            for (int i = 2; i < c.length; i++) args.add(c[i]);
            assertEquals(0, new CommandLine(new Segue()).execute(args.toArray(String[]::new)), c[0]);
            int[] shape = Npy.read(out).shape();
            assertEquals(c[1], String.join(",", java.util.Arrays.stream(shape).mapToObj(String::valueOf).toArray(String[]::new)), c[0]);
        }
        // chroma of a 440 Hz tone peaks at A (row 9)
        float[] ch = Npy.read(dir.resolve("chroma-stft.npy")).toFloats();
        assertEquals(1f, ch[9 * 44 + 20], 1e-6f);
    }

    @Test
    void badInputIsOneLineErrorAndExitCode1(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.wav");
        Files.writeString(bad, "not audio");
        var err = new java.io.ByteArrayOutputStream();
        var old = System.err;
        System.setErr(new java.io.PrintStream(err));
        try {
            assertEquals(1, new CommandLine(new Segue()).execute("audio", "features", "--in", bad.toString(), "--feature", "mel", "--out", dir.resolve("x.npy").toString()));
            assertEquals(1, new CommandLine(new Segue()).execute("audio", "info", dir.resolve("missing.mp3").toString()));
        } finally { System.setErr(old); }
        assertTrue(err.toString().contains("bad.wav"), err.toString());
        assertTrue(err.toString().contains("missing.mp3"), err.toString());
        assertFalse(Files.exists(dir.resolve("x.npy")));
    }
}
