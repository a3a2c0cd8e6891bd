package dev.segue.recsys.data.synth;

import java.util.SplittableRandom;

/**
 * How synthetic users listen. Each user has a taste over genres (most mass on one to three favourites)
 * and an activity level; their sessions are placed in 2019-01-01 … 2019-03-20 at least 61 minutes
 * apart, and events inside a session follow each other by (part of) the track's duration, so a 60-minute
 * gap recovers the sessions exactly.
 *
 * <p>Session length L: one event with probability {@link #P_SINGLE} (0.18, the share of one-event
 * sessions the issue asks for), otherwise 2 + ⌊X⌋ with X log-normal (σ = 0.9) of mean 6.5, so the
 * mean of sessions with two or more events is about 8 and ~5% have 21 or more (RTA's evaluation pool).
 *
 * <p>The next track, given the current one: an immediate repeat (3%), a repeat of an earlier track of
 * the session (5%), another track of the same artist (22%), a track that sounds alike — the closest in
 * style of 30 popularity-drawn candidates from the current genre or the user's taste, drawn with weight
 * exp(−d²/0.3) — (35%), or a fresh draw by taste and popularity (35%). Behaviour thus depends on the
 * style (what the audio carries) only in part.
 */
public final class SessionProcess {
    public static final double P_SINGLE = 0.18;
    static final double LENGTH_SIGMA = 0.9;
    static final double LENGTH_MEAN_X = 6.5;
    static final double P_IMMEDIATE_REPEAT = 0.03, P_SESSION_REPEAT = 0.05, P_SAME_ARTIST = 0.22, P_STYLE = 0.35;
    static final int CANDIDATES = 30;
    static final int MAX_LENGTH = 200;
    /** 2019-01-01 00:00 … 2019-03-20 23:59 in minutes. */
    public static final int WINDOW_MINUTES = 79 * 24 * 60;
    public static final long EPOCH_2019 = 1546300800L;

    private final SynthCatalog cat;
    private final double[][] artistCumulative;

    public SessionProcess(SynthCatalog cat) {
        this.cat = cat;
        artistCumulative = new double[cat.artists][];
        for (int a = 0; a < cat.artists; a++) {
            double[] w = new double[cat.artistTracks[a].length];
            for (int i = 0; i < w.length; i++) w[i] = cat.trackWeight[cat.artistTracks[a][i]];
            artistCumulative[a] = SynthCatalog.cumulative(w);
        }
    }

    /** One user's history: tracks and minutes since 2019-01-01 00:00, in time order. */
    public record UserHistory(int[] tracks, int[] minutes) {}

    /** Expected events per session, one-event sessions included: 0.18 + 0.82 · (2 + E⌊X⌋). */
    static double expectedLength() { return P_SINGLE + (1 - P_SINGLE) * (2 + LENGTH_MEAN_X - 0.5); }

    public UserHistory user(int sessions, double[] tasteCumulative, SplittableRandom rnd) {
        int[] starts = new int[sessions];
        for (int i = 0; i < sessions; i++) starts[i] = rnd.nextInt(WINDOW_MINUTES);
        java.util.Arrays.sort(starts);
        it.unimi.dsi.fastutil.ints.IntArrayList tracks = new it.unimi.dsi.fastutil.ints.IntArrayList();
        it.unimi.dsi.fastutil.ints.IntArrayList minutes = new it.unimi.dsi.fastutil.ints.IntArrayList();
        it.unimi.dsi.fastutil.ints.IntArrayList session = new it.unimi.dsi.fastutil.ints.IntArrayList();
        int free = 0; // earliest minute the next session may start
        double mu = Math.log(LENGTH_MEAN_X) - LENGTH_SIGMA * LENGTH_SIGMA / 2;
        for (int s = 0; s < sessions; s++) {
            int t = Math.max(starts[s], free);
            if (t >= WINDOW_MINUTES) break;
            int length = rnd.nextDouble() < P_SINGLE ? 1
                    : Math.min(MAX_LENGTH, 2 + (int) Math.floor(Math.exp(mu + LENGTH_SIGMA * SynthCatalog.gauss(rnd))));
            session.clear();
            int track = cat.sampleFromGenre(sampleGenre(tasteCumulative, rnd), rnd);
            for (int k = 0; k < length && t < WINDOW_MINUTES; k++) {
                if (k > 0) track = next(track, session, tasteCumulative, rnd);
                session.add(track);
                tracks.add(track);
                minutes.add(t);
                // the next event follows after most of the track (people skip), in whole minutes as Music4All stores them
                t += Math.max(1, (int) Math.round(cat.durationSeconds[track] * (0.5 + 0.55 * rnd.nextDouble()) / 60));
            }
            free = minutes.getInt(minutes.size() - 1) + 61 + (int) (-30 * Math.log(1 - rnd.nextDouble()));
        }
        return new UserHistory(tracks.toIntArray(), minutes.toIntArray());
    }

    private int next(int current, it.unimi.dsi.fastutil.ints.IntArrayList session, double[] taste, SplittableRandom rnd) {
        double r = rnd.nextDouble();
        if (r < P_IMMEDIATE_REPEAT) return current;
        r -= P_IMMEDIATE_REPEAT;
        if (r < P_SESSION_REPEAT) {
            for (int tries = 0; tries < 4 && session.size() > 1; tries++) {
                int earlier = session.getInt(rnd.nextInt(session.size() - 1));
                if (earlier != current) return earlier;
            }
            return fresh(taste, rnd);
        }
        r -= P_SESSION_REPEAT;
        if (r < P_SAME_ARTIST) {
            int a = cat.trackArtist[current];
            double[] cum = artistCumulative[a];
            if (cum.length > 1) {
                for (int tries = 0; tries < 4; tries++) {
                    int t = cat.artistTracks[a][SynthCatalog.search(cum, rnd.nextDouble() * cum[cum.length - 1])];
                    if (t != current) return t;
                }
            }
            return fresh(taste, rnd);
        }
        r -= P_SAME_ARTIST;
        if (r < P_STYLE) return alike(current, taste, rnd);
        return fresh(taste, rnd);
    }

    private int fresh(double[] taste, SplittableRandom rnd) {
        return cat.sampleFromGenre(sampleGenre(taste, rnd), rnd);
    }

    private int alike(int current, double[] taste, SplittableRandom rnd) {
        double[] v = cat.trackVector[current];
        int genre = cat.genreOf(current);
        int[] cand = new int[CANDIDATES];
        double[] w = new double[CANDIDATES];
        double sum = 0;
        for (int i = 0; i < CANDIDATES; i++) {
            int c = cat.sampleFromGenre(rnd.nextBoolean() ? genre : sampleGenre(taste, rnd), rnd);
            cand[i] = c;
            w[i] = c == current ? 0 : Math.exp(-Style.distanceSquared(v, cat.trackVector[c]) / 0.3);
            sum += w[i];
        }
        if (sum <= 0) return fresh(taste, rnd);
        double x = rnd.nextDouble() * sum;
        for (int i = 0; i < CANDIDATES; i++) if ((x -= w[i]) < 0) return cand[i];
        return cand[CANDIDATES - 1];
    }

    static int sampleGenre(double[] cumulative, SplittableRandom rnd) {
        return SynthCatalog.search(cumulative, rnd.nextDouble() * cumulative[cumulative.length - 1]);
    }
}
