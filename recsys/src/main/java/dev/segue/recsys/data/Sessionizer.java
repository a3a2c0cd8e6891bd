package dev.segue.recsys.data;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * Cuts a listening history into sessions, as the study did: events ordered by (user, time, file order)
 * — a stable sort, so simultaneous events keep their file order — and a new session whenever the user
 * changes or the gap to the previous event exceeds the threshold. One-event sessions are dropped. With
 * dedup only the first occurrence of a song in a session is kept (the RTA preprocessing), and
 * sessions left with one song are dropped too.
 *
 * <p>Runs in O(n) plus a per-user sort that is skipped when a user's events are already in time order
 * (or in exact reverse order, as in Music4All-Onion's newest-first rows).
 */
public final class Sessionizer {
    private Sessionizer() {}

    public record Result(Sessions sessions, SessionStats stats) {}

    public static Result sessionize(ListeningHistory h, long gapSeconds, boolean dedup) {
        if (gapSeconds < 0) throw new IllegalArgumentException("gap must be >= 0 seconds, got " + gapSeconds);
        int n = h.size();
        int nUsers = h.users().size();
        int[] order = orderByUserAndTime(h);

        IntArrayList offsets = new IntArrayList();
        IntArrayList items = new IntArrayList(n);
        IntArrayList users = new IntArrayList();
        LongArrayList starts = new LongArrayList();
        offsets.add(0);
        int found = 0, oneSong = 0;
        long removed = 0;
        boolean[] userKept = new boolean[nUsers];
        boolean[] songKept = new boolean[h.tracks().size()];
        boolean[] songSeen = new boolean[h.tracks().size()];
        int usersKept = 0, songsKept = 0, songsSeen = 0;
        int i = 0;
        IntArrayList session = new IntArrayList();
        while (i < n) {
            int e = order[i];
            int u = h.user(e);
            long prev = h.time(e);
            int j = i + 1;
            while (j < n) {
                int f = order[j];
                if (h.user(f) != u || h.time(f) - prev > gapSeconds) break;
                prev = h.time(f);
                j++;
            }
            found++;
            session.clear();
            for (int k = i; k < j; k++) {
                int t = h.track(order[k]);
                if (!songSeen[t]) { songSeen[t] = true; songsSeen++; }
                if (dedup && contains(session, t)) { removed++; continue; }
                session.add(t);
            }
            if (session.size() < 2) {
                oneSong++;
            } else {
                items.addAll(session);
                offsets.add(items.size());
                users.add(u);
                starts.add(h.time(e));
                if (!userKept[u]) { userKept[u] = true; usersKept++; }
                for (int k = 0; k < session.size(); k++) {
                    int t = session.getInt(k);
                    if (!songKept[t]) { songKept[t] = true; songsKept++; }
                }
            }
            i = j;
        }
        Sessions s = new Sessions(h.users(), h.tracks(), offsets.toIntArray(), items.toIntArray(), users.toIntArray(), starts.toLongArray());
        int usersWithEvents = 0;
        boolean[] hasEvents = new boolean[nUsers];
        for (int k = 0; k < n; k++) if (!hasEvents[h.user(k)]) { hasEvents[h.user(k)] = true; usersWithEvents++; }
        SessionStats st = new SessionStats(n, usersWithEvents, songsSeen, gapSeconds, dedup, found, oneSong, removed,
                s.count(), s.events(), usersKept, songsKept);
        return new Result(s, st);
    }

    /** Sessions are short (tens of songs): a linear scan beats hashing. Long ones get the same answer, slower. */
    private static boolean contains(IntArrayList list, int v) {
        for (int k = 0, m = list.size(); k < m; k++) if (list.getInt(k) == v) return true;
        return false;
    }

    /** Event indices sorted by (user index, time, file position), stably. */
    static int[] orderByUserAndTime(ListeningHistory h) {
        int n = h.size();
        int nUsers = h.users().size();
        // counting sort by user keeps file order inside a user
        int[] start = new int[nUsers + 1];
        for (int e = 0; e < n; e++) start[h.user(e) + 1]++;
        for (int u = 0; u < nUsers; u++) start[u + 1] += start[u];
        int[] fill = java.util.Arrays.copyOf(start, nUsers);
        int[] order = new int[n];
        for (int e = 0; e < n; e++) order[fill[h.user(e)]++] = e;
        for (int u = 0; u < nUsers; u++) sortSegmentByTime(h, order, start[u], start[u + 1]);
        return order;
    }

    private static void sortSegmentByTime(ListeningHistory h, int[] order, int from, int to) {
        boolean ascending = true, strictlyDescending = true;
        for (int k = from + 1; k < to; k++) {
            long a = h.time(order[k - 1]), b = h.time(order[k]);
            if (b < a) ascending = false;
            if (b >= a) strictlyDescending = false;
            if (!ascending && !strictlyDescending) break;
        }
        if (ascending) return;
        if (strictlyDescending) { // no equal times, so reversing is the stable sort
            for (int a = from, b = to - 1; a < b; a++, b--) { int t = order[a]; order[a] = order[b]; order[b] = t; }
            return;
        }
        // merge sort is stable, and order[] holds file positions in increasing order here
        IntArrays.mergeSort(order, from, to, (x, y) -> Long.compare(h.time(x), h.time(y)));
    }
}
