package dev.segue.recsys.data.synth;

import dev.segue.core.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the synthetic world as Music4All's tables — {@code listening_history.csv}, {@code id_information.csv},
 * {@code id_metadata.csv}, {@code id_genres.csv}, {@code id_tags.csv}, {@code id_lang.csv}: tab-separated with
 * a header, UTF-8, timestamps {@code YYYY-MM-DD HH:MM} — plus the planted truth {@code synth_truth.tsv}.
 */
final class Music4AllTables {
    private Music4AllTables() {}

    private interface Body { void write(Writer w) throws IOException; }

    private static void text(Path file, Body body) {
        AtomicFiles.write(file, out -> {
            Writer w = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            body.write(w);
            w.flush();
        });
    }

    static void writeHistory(Path file, String[] users, SessionProcess.UserHistory[] hist, SynthCatalog cat) {
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

    static void writeCatalogFiles(Path out, SynthCatalog cat) {
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
                        new StringBuilder(cat.trackIds[t]).reverse() + cat.trackIds[t].substring(0, 6), pop, cat.releaseYear[t],
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

    static void writeTruth(Path file, SynthCatalog cat) {
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

}
