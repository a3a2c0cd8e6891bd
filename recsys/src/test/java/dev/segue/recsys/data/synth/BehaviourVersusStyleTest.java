package dev.segue.recsys.data.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Listening depends on style, but only in part: consecutive tracks by different artists sound more
 * alike than random plays, yet far from identical. Measured with numpy on the demo preset (seed 1):
 * their mean squared style distance is 0.57 of that of random pairs of plays, and 64% share a genre;
 * this test, with its own user tastes, measures 0.58.
 * The bounds below (0.35–0.85) exclude both "style ignored" (≈1) and "style decides" (≈0.1).
 */
class BehaviourVersusStyleTest {

    @Test
    void consecutiveTracksAreStylisticallyCloserThanRandomButNotDetermined() {
        SynthConfig c = SynthConfig.preset("demo", 1);
        SynthCatalog cat = new SynthCatalog(c);
        SessionProcess p = new SessionProcess(cat);
        SplittableRandom r = new SplittableRandom(9);
        double[] taste = new double[cat.genres];
        it.unimi.dsi.fastutil.ints.IntArrayList plays = new it.unimi.dsi.fastutil.ints.IntArrayList();
        double consecutive = 0;
        long pairs = 0;
        for (int u = 0; u < 300; u++) {
            for (int g = 0; g < taste.length; g++) taste[g] = r.nextDouble() < 0.2 ? 1 : 0.05;
            SessionProcess.UserHistory h = p.user(30, SynthCatalog.cumulative(taste), r.split());
            int[] t = h.tracks(), m = h.minutes();
            for (int k = 0; k < t.length; k++) plays.add(t[k]);
            for (int k = 1; k < t.length; k++) {
                if (m[k] - m[k - 1] > 60 || t[k] == t[k - 1] || cat.trackArtist[t[k]] == cat.trackArtist[t[k - 1]]) continue;
                consecutive += Style.distanceSquared(cat.trackVector[t[k]], cat.trackVector[t[k - 1]]);
                pairs++;
            }
        }
        double random = 0;
        int samples = 50_000;
        for (int i = 0; i < samples; i++)
            random += Style.distanceSquared(cat.trackVector[plays.getInt(r.nextInt(plays.size()))], cat.trackVector[plays.getInt(r.nextInt(plays.size()))]);
        double ratio = (consecutive / pairs) / (random / samples);
        assertTrue(pairs > 10_000, "pairs " + pairs);
        assertTrue(ratio > 0.35 && ratio < 0.85, "consecutive / random style distance = " + ratio);
    }
}
