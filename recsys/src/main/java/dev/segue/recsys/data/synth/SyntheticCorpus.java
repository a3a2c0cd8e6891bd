package dev.segue.recsys.data.synth;

import dev.segue.core.cpu.Parallel;
import dev.segue.core.io.AtomicFiles;
import dev.segue.core.io.Json;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
        Parallel.forEach(c.users(), u -> {
            int sessions = Math.max(1, (int) Math.round(sessionsTotal * activity[u] / sum));
            hist[u] = process.user(sessions, taste[u], new SplittableRandom(mix(c.seed(), u)));
        });
        long events = 0;
        for (var h : hist) events += h.tracks().length;
        log.accept(String.format(Locale.ROOT, "%,d users, %,d tracks, %,d events generated in %.1f s", c.users(), c.tracks(), events, secs(t0)));

        writeHistory(out.resolve("listening_history.csv"), userIds, hist, cat);
        writeCatalogFiles(out, cat);
        writeTruth(out.resolve("synth_truth.tsv"), cat);
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

    private interface Body { void write(Writer w) throws IOException; }

    private static void text(Path file, Body body) {
        AtomicFiles.write(file, out -> {
            Writer w = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            body.write(w);
            w.flush();
        });
    }

    private static void writeHistory(Path file, String[] users, SessionProcess.UserHistory[] hist, SynthCatalog cat) {
        String[] days = new String[SessionProcess.WINDOW_MINUTES / 1440 + 1];
        for (int d = 0; d < days.length; d++)
            days[d] = java.time.LocalDate.of(2019, 1, 1).plusDays(d).toString();
        text(file, w -> {
            w.write("user\tsong\ttimestamp\n");
            char[] hm = new char[6];
            for (int u = 0; u < users.length; u++) {
                int[] tr = hist[u].tracks(), mi = hist[u].minutes();
                for (int k = 0; k < tr.length; k++) {
                    w.write(users[u]);
                    w.write('\t');
                    w.write(cat.trackIds[tr[k]]);
                    w.write('\t');
                    int m = mi[k];
                    w.write(days[m / 1440]);
                    int h = (m % 1440) / 60, mm = m % 60;
                    hm[0] = ' '; hm[1] = (char) ('0' + h / 10); hm[2] = (char) ('0' + h % 10);
                    hm[3] = ':'; hm[4] = (char) ('0' + mm / 10); hm[5] = (char) ('0' + mm % 10);
                    w.write(hm);
                    w.write('\n');
                }
            }
        });
    }

    private static void writeCatalogFiles(Path out, SynthCatalog cat) {
        double maxW = 0;
        for (double w : cat.trackWeight) maxW = Math.max(maxW, w);
        final double logMax = Math.log(maxW);
        text(out.resolve("id_information.csv"), w -> {
            w.write("id\tartist\tsong\talbum_name\n");
            for (int t = 0; t < cat.tracks; t++)
                w.write(cat.trackIds[t] + "\t" + cat.artistNames[cat.trackArtist[t]] + "\t" + cat.trackNames[t] + "\t"
                        + cat.artistNames[cat.trackArtist[t]] + " – Album " + (1 + t % 3) + "\n");
        });
        text(out.resolve("id_metadata.csv"), w -> {
            w.write("id\tspotify_id\tpopularity\trelease\tdanceability\tenergy\tkey\tmode\tvalence\ttempo\tduration_ms\n");
            for (int t = 0; t < cat.tracks; t++) {
                Style s = cat.trackStyle[t];
                // Spotify-like descriptors loosely tied to the style, as real ones are to the audio
                int pop = (int) Math.max(0, Math.min(100, Math.round(100 + 8 * (Math.log(cat.trackWeight[t]) - logMax))));
                w.write(String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%.3f\t%.3f\t%d\t%d\t%.3f\t%.3f\t%d%n", cat.trackIds[t],
                        new StringBuilder(cat.trackIds[t]).reverse().substring(0, 16) + "sp", pop, cat.releaseYear[t],
                        0.3 + 0.6 * s.percussiveness(), 0.2 + 0.7 * s.brightness(), s.key(), s.major() ? 1 : 0,
                        s.major() ? 0.55 + 0.4 * s.attack() : 0.1 + 0.4 * s.attack(), s.tempo(), cat.durationSeconds[t] * 1000));
            }
        });
        text(out.resolve("id_genres.csv"), w -> {
            w.write("id\tgenres\n");
            for (int t = 0; t < cat.tracks; t++) {
                String g = cat.genreNames[cat.genreOf(t)];
                w.write(cat.trackIds[t] + "\t" + g + "," + g + " " + (cat.trackStyle[t].major() ? "classic" : "dark") + "\n");
            }
        });
        text(out.resolve("id_tags.csv"), w -> {
            w.write("id\ttags\n");
            for (int t = 0; t < cat.tracks; t++) {
                Style s = cat.trackStyle[t];
                w.write(cat.trackIds[t] + "\t" + cat.genreNames[cat.genreOf(t)] + "," + (s.tempo() > 125 ? "upbeat" : "slow")
                        + "," + (s.brightness() > 0.5 ? "bright" : "warm") + "\n");
            }
        });
        text(out.resolve("id_lang.csv"), w -> {
            w.write("id\tlang\n");
            String[] langs = {"en", "en", "en", "es", "pt", "de", "fr"};
            for (int t = 0; t < cat.tracks; t++) w.write(cat.trackIds[t] + "\t" + langs[cat.trackArtist[t] % langs.length] + "\n");
        });
    }

    private static void writeTruth(Path file, SynthCatalog cat) {
        text(file, w -> {
            w.write("id\tartist\tartist_index\tgenre\tgenre_index\tkey\tmode\ttempo\tbrightness\tpercussiveness\teven_harmonics\tattack\tchorus\tpopularity_weight");
            for (String n : Style.VECTOR_NAMES) w.write("\tv_" + n);
            w.write('\n');
            for (int t = 0; t < cat.tracks; t++) {
                Style s = cat.trackStyle[t];
                int a = cat.trackArtist[t], g = cat.genreOf(t);
                StringBuilder b = new StringBuilder();
                b.append(cat.trackIds[t]).append('\t').append(cat.artistNames[a]).append('\t').append(a).append('\t')
                        .append(cat.genreNames[g]).append('\t').append(g).append('\t').append(s.key()).append('\t')
                        .append(s.major() ? 1 : 0);
                for (double v : new double[] {s.tempo(), s.brightness(), s.percussiveness(), s.evenHarmonics(), s.attack(), s.chorus(), cat.trackWeight[t]})
                    b.append('\t').append(String.format(Locale.ROOT, "%.6g", v));
                for (double v : cat.trackVector[t]) b.append('\t').append(String.format(Locale.ROOT, "%.6f", v));
                w.write(b.append('\n').toString());
            }
        });
    }

    private static long writeAudio(Path dir, SynthCatalog cat, SynthConfig c, Consumer<String> log) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        long t0 = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        int every = Math.max(1, cat.tracks / 10);
        Parallel.forRange(cat.tracks, 64, (from, to) -> {
            for (int t = from; t < to; t++) {
                short[] pcm = AudioSynth.render(cat.trackStyle[t], c.clipSeconds(), c.sampleRate(), new SplittableRandom(mix(c.seed() ^ 0xA0D1L, t)));
                WavFile.write(dir.resolve(cat.trackIds[t] + ".wav"), pcm, c.sampleRate());
                int d = done.incrementAndGet();
                if (d % every == 0) {
                    double s = secs(t0);
                    log.accept(String.format(Locale.ROOT, "audio %,d/%,d clips, %.0f clips/s, ETA %.0f s", d, cat.tracks, d / s, (cat.tracks - d) / (d / s)));
                }
            }
        });
        return cat.tracks;
    }
}
