package dev.segue.cli;

import dev.segue.recsys.data.BadRows;
import dev.segue.recsys.data.Music4All;
import dev.segue.recsys.data.SessionPipeline;
import dev.segue.recsys.data.TrackCatalog;
import dev.segue.recsys.data.sets.LastFmReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code segue sessions}: Music4All layout → sessions, T4Rec and RTA splits, statistics. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "Sessionize a Music4All-layout listening history and write the study's splits and statistics.")
public final class SessionsCommand implements Callable<Integer> {

    @Option(names = "--music4all", description = "directory in the Music4All layout (listening_history.csv, id_information.csv, …)")
    Path music4all;

    @Option(names = "--onion", description = "Music4All-Onion listening records (userid_trackid_timestamp.tsv[.bz2]) instead of listening_history.csv")
    Path onion;

    @Option(names = "--lastfm1k", description = "a Last.fm-1K file (userid timestamp artist-mbid artist-name track-mbid track-name) instead of Music4All")
    Path lastfm1k;

    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Option(names = "--gap-minutes", defaultValue = "60", description = "a gap longer than this starts a new session (default ${DEFAULT-VALUE})")
    double gapMinutes;

    @Option(names = "--dedup", description = "keep only the first occurrence of a song in a session (RTA preprocessing)")
    boolean dedup;

    @Option(names = "--rta-n", defaultValue = "10000", description = "RTA test and validation sessions each (default ${DEFAULT-VALUE}; scaled down for small corpora)")
    int rtaN;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the RTA sample (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--skip-bad-rows", description = "skip and count malformed rows instead of failing")
    boolean skipBadRows;

    @Override
    public Integer call() {
        if (music4all == null && onion == null && lastfm1k == null) throw new IllegalArgumentException(
                "give --music4all DIR (and/or --onion FILE), or --lastfm1k FILE");
        long t0 = System.nanoTime();
        var o = new SessionPipeline.Options(Math.round(gapMinutes * 60), dedup, rtaN, seed, skipBadRows);
        java.util.function.Consumer<String> log = msg -> System.err.println("sessions: " + msg);
        SessionPipeline.Output r;
        if (lastfm1k != null) {
            BadRows bad = skipBadRows ? BadRows.skip() : BadRows.fail();
            LastFmReader.Result lf = LastFmReader.read(lastfm1k, LastFmReader.Format.LASTFM_1K, bad);
            TrackCatalog cat = new TrackCatalog(lf.history().tracks(), lf.trackArtist(), java.util.List.of());
            r = SessionPipeline.run(new Music4All(lf.history(), cat), lastfm1k, bad, out, o, log);
        } else {
            r = SessionPipeline.run(music4all, onion, out, o, log);
        }
        System.out.print(r.stats().toMarkdown());
        System.out.printf(java.util.Locale.ROOT, "%nT4Rec split: %,d / %,d / %,d sessions; RTA: %,d train, N = %,d%n",
                r.t4rec().train().length, r.t4rec().valid().length, r.t4rec().test().length, r.rta().split().train().length, r.rta().n());
        System.err.printf(java.util.Locale.ROOT, "sessions: wrote %s in %.1f s%n", out, (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
