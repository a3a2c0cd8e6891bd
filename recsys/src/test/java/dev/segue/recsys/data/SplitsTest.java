package dev.segue.recsys.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitsTest {

    /** users u00…u19 (added in reverse id order), user i has i+1 sessions of length 22 over songs s0…s29. */
    private static Sessions sessions() {
        ListeningHistory.Builder b = new ListeningHistory.Builder();
        long t = Timestamps.parse("2019-01-01 00:00");
        for (int u = 19; u >= 0; u--) {
            for (int s = 0; s <= u; s++) {
                for (int k = 0; k < 22; k++) b.add(String.format("u%02d", u), "s" + ((u + s + k) % 30), t + k * 60L);
                t += 7200;
            }
        }
        return Sessionizer.sessionize(b.build(), 3600, false).sessions();
    }

    @Test
    void t4recSplitOrdersByUserIdAndNeverSharesUsers() {
        Sessions s = sessions();
        assertEquals(210, s.count()); // 1 + 2 + … + 20
        SessionSplit sp = T4RecSplit.split(s, 0.7, 0.15);
        assertEquals(210, sp.train().length + sp.valid().length + sp.test().length);
        // users in id order have 1..20 sessions; 70% of 210 = 147 -> first boundary at or after 147:
        // cumulative 1+…+17 = 153 (u00…u16); 85% = 178.5 -> 179 lies inside u18 (sessions 171…189),
        // so the second cut moves to 190: valid = u17 + u18 = 18 + 19 = 37, test = u19 = 20
        assertEquals(153, sp.train().length);
        assertEquals(37, sp.valid().length);
        assertEquals(20, sp.test().length);
        IntOpenHashSet trainUsers = new IntOpenHashSet();
        for (int i : sp.train()) trainUsers.add(s.user()[i]);
        for (int i : sp.valid()) assertFalse(trainUsers.contains(s.user()[i]));
        for (int i : sp.test()) assertFalse(trainUsers.contains(s.user()[i]));
        assertEquals("u00", s.users().id(s.user()[sp.train()[0]]));
    }

    @Test
    void rtaSplitSamplesLongSessionsIntoTenSeedGroupsDeterministically() {
        Sessions s = sessions();
        ItemVocabulary vocab = ItemVocabulary.of(s);
        RtaSplit.Result r = RtaSplit.split(s, vocab, 10_000, 7);
        assertNotNull(r.warning()); // 210 long sessions -> N scaled to 210/3 = 70 (a multiple of 10)
        assertEquals(70, r.n());
        assertEquals(70, r.testQueries().size());
        assertEquals(70, r.split().train().length);
        List<RtaQuery> q = r.testQueries();
        for (int i = 0; i < q.size(); i++) {
            RtaQuery x = q.get(i);
            assertEquals(i / 7 + 1, x.group());
            assertEquals(x.group(), x.seeds().length);
            int[] items = vocab.denseItems(s, x.session());
            assertArrayEquals(java.util.Arrays.copyOf(items, x.group()), x.seeds());
            IntOpenHashSet seeds = new IntOpenHashSet(x.seeds());
            for (int t : x.truth()) assertFalse(seeds.contains(t));
            assertTrue(x.truth().length >= 22 - 10 - 10); // at most 10 distinct seed songs removed
        }
        RtaSplit.Result again = RtaSplit.split(s, vocab, 10_000, 7);
        assertArrayEquals(r.split().test(), again.split().test());
        IntOpenHashSet held = new IntOpenHashSet(r.split().test());
        for (int i : r.split().valid()) assertTrue(held.add(i));
        for (int i : r.split().train()) assertFalse(held.contains(i));
    }

    @Test
    void denseIdsReservePaddingAndCountOnlyTrainingSessions() {
        Sessions s = sessions();
        ItemVocabulary v = ItemVocabulary.of(s);
        assertEquals(31, v.size()); // 30 songs + padding
        assertEquals(-1, v.track(0));
        long[] c = v.counts(s, new int[] {0});
        long total = 0;
        for (long x : c) total += x;
        assertEquals(22, total);
        assertEquals(0, c[0]);
    }
}
