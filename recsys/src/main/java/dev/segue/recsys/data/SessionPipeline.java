package dev.segue.recsys.data;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code segue sessions} as a library call: read a Music4All-layout directory, sessionize, number the
 * items, make the T4Rec and RTA splits and write everything described in {@link SessionFiles}.
 */
public final class SessionPipeline {
    private SessionPipeline() {}

    public record Options(long gapSeconds, boolean dedup, int rtaN, long seed, boolean skipBadRows) {
        public static Options defaults() { return new Options(3600, false, 10_000, 42, false); }
    }

    public record Output(SessionStats stats, ItemVocabulary vocab, SessionSplit t4rec, RtaSplit.Result rta, BadRows bad) {}

    /**
     * Reads {@code music4all} (or Music4All-Onion's records from {@code onion}, with the catalogue of
     * {@code music4all} when given) and runs the pipeline.
     */
    public static Output run(Path music4all, Path onion, Path out, Options o, java.util.function.Consumer<String> log) {
        BadRows bad = o.skipBadRows() ? BadRows.skip() : BadRows.fail();
        long t0 = System.nanoTime();
        Music4All m;
        if (onion == null) {
            m = Music4AllReader.read(music4all, bad);
        } else {
            TrackCatalog cat = music4all != null ? Music4AllReader.readCatalog(music4all, bad) : TrackCatalog.empty();
            ListeningHistory h = OnionReader.read(onion, cat.tracks(), bad);
            m = new Music4All(h, cat.tracks().size() > 0 ? cat : new TrackCatalog(h.tracks(), java.util.List.of(), java.util.List.of()));
        }
        log.accept(String.format(java.util.Locale.ROOT, "read %,d events in %.1f s", m.history().size(), (System.nanoTime() - t0) / 1e9));
        return run(m, onion != null ? onion : music4all, bad, out, o, log);
    }

    /** The pipeline on an already read history (any source: Music4All, Onion, Last.fm, …). */
    public static Output run(Music4All m, Path source, BadRows bad, Path out, Options o, java.util.function.Consumer<String> log) {
        if (bad.total() > 0) log.accept(bad.report().strip());
        Sessionizer.Result r = Sessionizer.sessionize(m.history(), o.gapSeconds(), o.dedup());
        Sessions s = r.sessions();
        ItemVocabulary vocab = ItemVocabulary.of(s);
        SessionSplit t4 = T4RecSplit.split(s, 0.70, 0.15);
        RtaSplit.Result rta = RtaSplit.split(s, vocab, o.rtaN(), o.seed());
        if (rta.warning() != null) log.accept("warning: " + rta.warning());

        int[] all = new int[s.count()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        SessionFiles.writeSessions(out.resolve("sessions.tsv"), s, vocab, all);
        SessionCsr.of(s, vocab, all).write(out, "sessions");
        Path t4dir = out.resolve("t4rec");
        for (var e : Map.of("train", t4.train(), "valid", t4.valid(), "test", t4.test()).entrySet()) {
            SessionFiles.writeSessions(t4dir.resolve(e.getKey() + ".tsv"), s, vocab, e.getValue());
            SessionCsr.of(s, vocab, e.getValue()).write(t4dir, e.getKey());
        }
        SessionFiles.writeNextItemTruth(t4dir.resolve("valid_next_truth.tsv"), s, vocab, t4.valid());
        SessionFiles.writeNextItemTruth(t4dir.resolve("test_next_truth.tsv"), s, vocab, t4.test());
        Path rtaDir = out.resolve("rta");
        SessionFiles.writeSessions(rtaDir.resolve("train.tsv"), s, vocab, rta.split().train());
        SessionCsr.of(s, vocab, rta.split().train()).write(rtaDir, "train");
        SessionFiles.writeQueries(rtaDir, "valid", rta.validQueries());
        SessionFiles.writeQueries(rtaDir, "test", rta.testQueries());
        SessionFiles.writeItems(out.resolve("items.tsv"), vocab, m.catalog(),
                vocab.counts(s, t4.train()), vocab.counts(s, rta.split().train()));

        Map<String, Object> json = new LinkedHashMap<>(r.stats().toJson());
        json.put("items_with_padding", vocab.size());
        json.put("t4rec_sessions", Map.of("train", t4.train().length, "valid", t4.valid().length, "test", t4.test().length));
        Map<String, Object> rj = new LinkedHashMap<>();
        rj.put("train", rta.split().train().length);
        rj.put("valid", rta.split().valid().length);
        rj.put("test", rta.split().test().length);
        rj.put("n", rta.n());
        rj.put("seed", o.seed());
        if (rta.warning() != null) rj.put("warning", rta.warning());
        json.put("rta_sessions", rj);
        json.put("bad_rows_skipped", bad.total());
        SessionFiles.writeJson(out.resolve("stats.json"), json);
        String md = "# Sessions of " + source.toAbsolutePath().normalize() + "\n\n" + r.stats().toMarkdown()
                + String.format(java.util.Locale.ROOT, "%nT4Rec split (by user id, 70/15/15, unseen users): %,d / %,d / %,d sessions.%n",
                t4.train().length, t4.valid().length, t4.test().length)
                + String.format(java.util.Locale.ROOT, "RTA split (sessions >= %d songs, N = %,d, seed %d): %,d train / %,d valid / %,d test sessions.%n",
                RtaSplit.MIN_LENGTH, rta.n(), o.seed(), rta.split().train().length, rta.split().valid().length, rta.split().test().length)
                + (rta.warning() != null ? "\nWarning: " + rta.warning() + "\n" : "")
                + (bad.total() > 0 ? "\n" + bad.report() : "");
        dev.segue.core.io.AtomicFiles.writeString(out.resolve("stats.md"), md);
        return new Output(r.stats(), vocab, t4, rta, bad);
    }
}
