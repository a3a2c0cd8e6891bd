package dev.segue.recsys.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionizerTest {

    private static final long T0 = Timestamps.parse("2019-01-01 00:00");

    @Test
    void timestampsAreUtcEpochSeconds() {
        assertEquals(1546300800L, T0); // date -u -d 2019-01-01 +%s
        assertEquals(1546300800L + 59, Timestamps.parse("2019-01-01 00:00:59"));
        assertEquals(1241478537L, Timestamps.parse("2009-05-04T23:08:57Z")); // date -u -d 2009-05-04T23:08:57Z +%s
        assertEquals(Long.MIN_VALUE, Timestamps.parse("2019-02-30 10:00"));
        assertEquals(Long.MIN_VALUE, Timestamps.parse("2019-01-01"));
    }

    private static ListeningHistory history() {
        ListeningHistory.Builder b = new ListeningHistory.Builder();
        // user u1, file order not time order: a@0, c@+10min, b@+5min, d@+70min (gap 60 exactly -> same session),
        // e@+131min (gap 61 -> new session, alone -> dropped)
        b.add("u1", "a", T0);
        b.add("u1", "c", T0 + 600);
        b.add("u1", "b", T0 + 300);
        b.add("u1", "d", T0 + 600 + 3600);
        b.add("u1", "e", T0 + 600 + 3600 + 3660);
        // user u0: x, y at the same second (file order kept), then x again, x again (repeats)
        b.add("u0", "x", T0);
        b.add("u0", "y", T0);
        b.add("u0", "x", T0 + 60);
        b.add("u0", "x", T0 + 120);
        // user u2: one event -> a one-song session
        b.add("u2", "a", T0);
        return b.build();
    }

    private static String[] ids(Sessions s, int session) {
        int[] items = s.items(session);
        String[] out = new String[items.length];
        for (int k = 0; k < items.length; k++) out[k] = s.tracks().id(items[k]);
        return out;
    }

    @Test
    void cutsAtGapsAboveThresholdKeepsFileOrderOnTiesAndDropsSingletons() {
        Sessionizer.Result r = Sessionizer.sessionize(history(), 3600, false);
        Sessions s = r.sessions();
        assertEquals(2, s.count());
        assertArrayEquals(new String[] {"a", "b", "c", "d"}, ids(s, 0));
        assertArrayEquals(new String[] {"x", "y", "x", "x"}, ids(s, 1));
        SessionStats st = r.stats();
        assertEquals(10, st.events());
        assertEquals(3, st.users());
        assertEquals(7, st.songs());
        assertEquals(4, st.sessionsFound()); // u1: 2, u0: 1, u2: 1
        assertEquals(2, st.oneSongSessions());
        assertEquals(0.5, st.oneSongShare(), 1e-12);
        assertEquals(4.0, st.averageLength(), 1e-12); // (4 + 4) / 2
        assertEquals(2.5, st.averageLengthBeforeFilter(), 1e-12); // 10 events / 4 sessions
        assertEquals(2, st.usersKept());
        assertEquals(6, st.songsKept()); // a b c d x y
    }

    @Test
    void dedupKeepsFirstOccurrenceAndDropsSessionsLeftWithOneSong() {
        ListeningHistory.Builder b = new ListeningHistory.Builder();
        b.add("u", "x", T0);
        b.add("u", "x", T0 + 60); // -> session {x} after dedup: dropped
        b.add("v", "p", T0);
        b.add("v", "q", T0 + 1);
        b.add("v", "p", T0 + 2);
        b.add("v", "r", T0 + 3);
        Sessionizer.Result r = Sessionizer.sessionize(b.build(), 3600, true);
        assertEquals(1, r.sessions().count());
        assertArrayEquals(new String[] {"p", "q", "r"}, ids(r.sessions(), 0));
        assertEquals(2, r.stats().dedupRemovedEvents());
        assertEquals(1, r.stats().oneSongSessions());
    }

    @Test
    void newestFirstRowsAreReversed() {
        ListeningHistory.Builder b = new ListeningHistory.Builder();
        b.add("u", "c", T0 + 200);
        b.add("u", "b", T0 + 100);
        b.add("u", "a", T0);
        Sessions s = Sessionizer.sessionize(b.build(), 3600, false).sessions();
        assertArrayEquals(new String[] {"a", "b", "c"}, ids(s, 0));
    }
}
