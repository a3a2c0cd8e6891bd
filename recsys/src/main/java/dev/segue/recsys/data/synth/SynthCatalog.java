package dev.segue.recsys.data.synth;

import java.util.SplittableRandom;

/**
 * The planted world: genres with a style centre, artists with a genre and a style near it, tracks with
 * a style near their artist's, Zipf popularity (artist rank × rank within the artist), ids, names and
 * durations. Everything derives from the seed.
 */
public final class SynthCatalog {
    public final int genres, artists, tracks;
    public final String[] genreNames;
    public final int[] artistGenre;
    public final Style[] artistStyle;
    public final String[] artistNames;
    public final int[] trackArtist;
    public final Style[] trackStyle;
    public final double[][] trackVector;
    public final double[] trackWeight;
    public final String[] trackIds;
    public final String[] trackNames;
    public final int[] durationSeconds;
    public final int[] releaseYear;
    /** tracks of each artist, most popular first */
    public final int[][] artistTracks;
    /** tracks of each genre and their cumulative popularity, for sampling */
    public final int[][] genreTracks;
    public final double[][] genreCumulative;
    public final double[] genreWeight;

    /**
     * Zipf exponents of artist popularity and of track popularity within an artist. With 0.7 and 0.7 the
     * 20 most played tracks of the demo preset take 13% of the plays and the top track 1.4% (measured,
     * seed 1); exponents of 1.0 and 0.8 gave 26% and 3.3%, a head far heavier than real listening logs.
     */
    static final double ARTIST_ZIPF = 0.7, TRACK_ZIPF = 0.7;

    private static final String[] GENRE_WORDS = {"rock", "pop", "jazz", "electronic", "hip hop", "folk", "metal", "classical",
            "blues", "reggae", "soul", "country", "punk", "ambient", "latin", "techno", "indie", "r&b", "funk", "house"};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "ne", "to", "su", "vi", "an", "el", "or", "un", "da", "fe", "qu", "zo"};

    public SynthCatalog(SynthConfig c) {
        SplittableRandom rnd = new SplittableRandom(c.seed() ^ 0x5EEDCA7AL);
        genres = c.genres();
        artists = c.artists();
        tracks = c.tracks();
        genreNames = new String[genres];
        Style[] genreStyle = new Style[genres];
        genreWeight = new double[genres];
        for (int g = 0; g < genres; g++) {
            genreNames[g] = GENRE_WORDS[g % GENRE_WORDS.length] + (g >= GENRE_WORDS.length ? " " + (g / GENRE_WORDS.length + 1) : "");
            genreStyle[g] = new Style(rnd.nextInt(12), rnd.nextDouble() < 0.6, 70 + 100 * rnd.nextDouble(), rnd.nextDouble(),
                    rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble());
            genreWeight[g] = 1.0 / Math.pow(g + 1, 0.8);
        }
        artistGenre = new int[artists];
        artistStyle = new Style[artists];
        artistNames = new String[artists];
        IdMaker names = new IdMaker(rnd);
        for (int a = 0; a < artists; a++) {
            int g = a < genres ? a : pick(genreWeight, rnd);
            artistGenre[a] = g;
            Style gs = genreStyle[g];
            // the key is the artist's own; mode mostly the genre's; the rest near the genre centre
            artistStyle[a] = new Style(rnd.nextInt(12), rnd.nextDouble() < 0.8 ? gs.major() : !gs.major(),
                    clamp(gs.tempo() + 10 * gauss(rnd), 60, 180), unit(gs.brightness() + 0.12 * gauss(rnd)),
                    unit(gs.percussiveness() + 0.12 * gauss(rnd)), unit(gs.evenHarmonics() + 0.12 * gauss(rnd)),
                    unit(gs.attack() + 0.12 * gauss(rnd)), unit(gs.chorus() + 0.12 * gauss(rnd)));
            artistNames[a] = names.name(SYLLABLES, a);
        }
        // tracks per artist: every artist gets one, the rest follow a Zipf law over artists
        double[] artistShare = new double[artists];
        for (int a = 0; a < artists; a++) artistShare[a] = 1.0 / Math.pow(a + 1, 0.7);
        double[] shareCum = cumulative(artistShare);
        trackArtist = new int[tracks];
        for (int t = 0; t < tracks; t++) trackArtist[t] = t < artists ? t : search(shareCum, rnd.nextDouble() * shareCum[artists - 1]);
        // artist popularity rank is independent of how many tracks the artist has
        int[] artistRank = permutation(artists, rnd);
        int[] count = new int[artists];
        trackStyle = new Style[tracks];
        trackVector = new double[tracks][];
        trackWeight = new double[tracks];
        trackIds = new String[tracks];
        trackNames = new String[tracks];
        durationSeconds = new int[tracks];
        releaseYear = new int[tracks];
        for (int t = 0; t < tracks; t++) {
            int a = trackArtist[t];
            Style s = artistStyle[a];
            int key = rnd.nextDouble() < 0.6 ? s.key() : rnd.nextInt(12);
            trackStyle[t] = new Style(key, rnd.nextDouble() < 0.85 ? s.major() : !s.major(), clamp(s.tempo() * (1 + 0.04 * gauss(rnd)), 55, 190),
                    unit(s.brightness() + 0.05 * gauss(rnd)), unit(s.percussiveness() + 0.05 * gauss(rnd)),
                    unit(s.evenHarmonics() + 0.05 * gauss(rnd)), unit(s.attack() + 0.05 * gauss(rnd)), unit(s.chorus() + 0.05 * gauss(rnd)));
            trackVector[t] = trackStyle[t].vector();
            trackWeight[t] = 1.0 / Math.pow(artistRank[a] + 1, ARTIST_ZIPF) / Math.pow(++count[a], TRACK_ZIPF);
            trackIds[t] = names.trackId();
            trackNames[t] = names.name(SYLLABLES, tracks + t) + (rnd.nextDouble() < 0.05 ? ", Pt. " + (1 + rnd.nextInt(3)) : "");
            durationSeconds[t] = 120 + rnd.nextInt(240);
            releaseYear[t] = 1965 + rnd.nextInt(55);
        }
        artistTracks = new int[artists][];
        int[] fill = new int[artists];
        for (int a = 0; a < artists; a++) artistTracks[a] = new int[count[a]];
        for (int t = 0; t < tracks; t++) artistTracks[trackArtist[t]][fill[trackArtist[t]]++] = t;
        genreTracks = new int[genres][];
        genreCumulative = new double[genres][];
        int[] gc = new int[genres];
        for (int t = 0; t < tracks; t++) gc[artistGenre[trackArtist[t]]]++;
        for (int g = 0; g < genres; g++) genreTracks[g] = new int[gc[g]];
        java.util.Arrays.fill(gc, 0);
        for (int t = 0; t < tracks; t++) { int g = artistGenre[trackArtist[t]]; genreTracks[g][gc[g]++] = t; }
        for (int g = 0; g < genres; g++) {
            double[] w = new double[genreTracks[g].length];
            for (int i = 0; i < w.length; i++) w[i] = trackWeight[genreTracks[g][i]];
            genreCumulative[g] = cumulative(w);
        }
    }

    public int genreOf(int track) { return artistGenre[trackArtist[track]]; }

    /** A track of genre g drawn by popularity. */
    public int sampleFromGenre(int g, SplittableRandom rnd) {
        double[] cum = genreCumulative[g];
        return genreTracks[g][search(cum, rnd.nextDouble() * cum[cum.length - 1])];
    }

    static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) c[i] = s += w[i];
        return c;
    }

    /** First index whose cumulative weight exceeds x. */
    static int search(double[] cum, double x) {
        int lo = 0, hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > x) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    static int pick(double[] w, SplittableRandom rnd) {
        double s = 0;
        for (double v : w) s += v;
        double x = rnd.nextDouble() * s;
        for (int i = 0; i < w.length; i++) if ((x -= w[i]) < 0) return i;
        return w.length - 1;
    }

    static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) { int j = rnd.nextInt(i + 1); int t = p[i]; p[i] = p[j]; p[j] = t; }
        return p;
    }

    static double gauss(SplittableRandom rnd) {
        // Box–Muller; one value per call is enough here
        double u = 1 - rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static double unit(double x) { return clamp(x, 0, 1); }

    static double clamp(double x, double lo, double hi) { return Math.max(lo, Math.min(hi, x)); }
}
