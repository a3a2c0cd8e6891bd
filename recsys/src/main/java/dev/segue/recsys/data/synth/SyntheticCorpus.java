package dev.segue.recsys.data.synth;

import dev.segue.core.cpu.Parallel;
import dev.segue.core.io.AtomicFiles;
import dev.segue.core.io.Json;
import dev.segue.recsys.train.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * {@code segue synth}: writes a synthetic corpus in the exact Music4All layout (tab-separated files with
 * headers, {@code audios/<id>.wav}) plus {@code synth_truth.tsv} (artist, genre and style of every track:
 * the planted truth, for checks only) and {@code synth.json} (configuration and counts). The same seed
 * gives the same bytes, whatever the thread count: every user and every clip has its own generator
 * derived from the seed and its index.
 */
public final class SyntheticCorpus {
    private SyntheticCorpus() {}

    public record Summary(int users, int tracks, long events, long audioFiles, double seconds) {}

    public static Summary generate(SynthConfig c, Path out, Consumer<String> log) {
        long t0 = System.nanoTime();
        SynthCatalog cat = new SynthCatalog(c);
        SessionProcess process = new SessionProcess(cat);
        SplittableRandom urnd = new SplittableRandom(c.seed() ^ 0x05E45L);
        IdMaker ids = new IdMaker(urnd.split());
        String[] userIds = new String[c.users()];
        double[][] taste = new double[c.users()][];
        double[] activity = new double[c.users()];
        double activitySum = 0;
        for (int u = 0; u < c.users(); u++) {
            userIds[u] = ids.userId();
            taste[u] = SynthCatalog.cumulative(taste(cat, urnd));
            activity[u] = Math.min(15, Math.exp(SynthCatalog.gauss(urnd) - 0.5));
            activitySum += activity[u];
        }
        double sessionsTotal = c.targetEvents() / SessionProcess.expectedLength();
        SessionProcess.UserHistory[] hist = new SessionProcess.UserHistory[c.users()];
        final double sum = activitySum;
        Progress progress = new Progress("listening histories", c.users(), "users", log);
        Parallel.forEach(c.users(), u -> {
            int sessions = Math.max(1, (int) Math.round(sessionsTotal * activity[u] / sum));
            hist[u] = process.user(sessions, taste[u], new SplittableRandom(mix(c.seed(), u)));
            progress.step();
        });
        long events = 0;
        for (var h : hist) events += h.tracks().length;
        log.accept(String.format(Locale.ROOT, "%,d users, %,d tracks, %,d events generated in %.1f s", c.users(), c.tracks(), events, secs(t0)));

        Music4AllTables.writeHistory(out.resolve("listening_history.csv"), userIds, hist, cat);
        Music4AllTables.writeCatalogFiles(out, cat);
        Music4AllTables.writeTruth(out.resolve("synth_truth.tsv"), cat);
        log.accept(String.format(Locale.ROOT, "tables written in %.1f s", secs(t0)));

        long audio = 0;
        if (c.audio()) {
            audio = writeAudio(out.resolve("audios"), cat, c, log);
            log.accept(String.format(Locale.ROOT, "%,d clips written in %.1f s", audio, secs(t0)));
        }
        Map<String, Object> json = new LinkedHashMap<>(c.toJson());
        json.put("events", events);
        json.put("audio_files", audio);
        json.put("window", "2019-01-01 00:00 .. 2019-03-20 23:59 UTC");
        json.put("process", Map.of("p_single", SessionProcess.P_SINGLE, "p_immediate_repeat", SessionProcess.P_IMMEDIATE_REPEAT,
                "p_session_repeat", SessionProcess.P_SESSION_REPEAT, "p_same_artist", SessionProcess.P_SAME_ARTIST,
                "p_style_neighbour", SessionProcess.P_STYLE));
        AtomicFiles.writeString(out.resolve("synth.json"), Json.writePretty(json));
        return new Summary(c.users(), c.tracks(), events, audio, secs(t0));
    }

    private static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }

    /** SplitMix64 of (seed, index): independent generators per user and per clip. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 80% of the mass on one to three favourite genres (drawn by genre popularity), 20% spread evenly. */
    private static double[] taste(SynthCatalog cat, SplittableRandom rnd) {
        double[] t = new double[cat.genres];
        java.util.Arrays.fill(t, 0.2 / cat.genres);
        int favourites = 1 + rnd.nextInt(Math.min(3, cat.genres));
        double[] share = new double[favourites];
        double s = 0;
        for (int i = 0; i < favourites; i++) s += share[i] = 0.2 + rnd.nextDouble();
        for (int i = 0; i < favourites; i++) t[SynthCatalog.pick(cat.genreWeight, rnd)] += 0.8 * share[i] / s;
        return t;
    }

    private static long writeAudio(Path dir, SynthCatalog cat, SynthConfig c, Consumer<String> log) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Progress progress = new Progress("audio", cat.tracks, "clips", log);
        Parallel.forRange(cat.tracks, 64, (from, to) -> {
            for (int t = from; t < to; t++) {
                short[] pcm = AudioSynth.render(cat.trackStyle[t], c.clipSeconds(), c.sampleRate(), new SplittableRandom(mix(c.seed() ^ 0xA0D1L, t)));
                WavFile.write(dir.resolve(cat.trackIds[t] + ".wav"), pcm, c.sampleRate());
                progress.step();
            }
        });
        return cat.tracks;
    }
}
