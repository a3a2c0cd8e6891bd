package dev.segue.recsys.data;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The statistics the study reports for its session data (Tables 4.1 and 4.2): users, songs and events
 * of the history; sessions found; one-song sessions filtered out (and their share of all sessions);
 * with dedup, the repeated songs removed; and sessions kept with their average length.
 *
 * @param dedupRemovedEvents repeats removed by --dedup (0 without it)
 * @param oneSongSessions    sessions with one event, plus (with --dedup) those left with one song
 */
public record SessionStats(long events, int users, int songs, long gapSeconds, boolean dedup,
                           int sessionsFound, int oneSongSessions, long dedupRemovedEvents,
                           int sessionsKept, long eventsKept, int usersKept, int songsKept) {

    public double oneSongShare() { return sessionsFound == 0 ? 0 : (double) oneSongSessions / sessionsFound; }

    /** Average length of the sessions kept (the tables' "average length"). */
    public double averageLength() { return sessionsKept == 0 ? 0 : (double) eventsKept / sessionsKept; }

    /** Average length of all sessions found, one-event ones included, before dedup. */
    public double averageLengthBeforeFilter() { return sessionsFound == 0 ? 0 : (double) events / sessionsFound; }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", events);
        m.put("users", users);
        m.put("songs", songs);
        m.put("gap_minutes", gapSeconds / 60.0);
        m.put("dedup", dedup);
        m.put("sessions_found", sessionsFound);
        m.put("one_song_sessions_filtered", oneSongSessions);
        m.put("one_song_sessions_percent", 100 * oneSongShare());
        m.put("dedup_removed_events", dedupRemovedEvents);
        m.put("sessions", sessionsKept);
        m.put("session_events", eventsKept);
        m.put("users_in_sessions", usersKept);
        m.put("songs_in_sessions", songsKept);
        m.put("average_length", averageLength());
        m.put("average_length_before_filter", averageLengthBeforeFilter());
        return m;
    }

    /** Markdown in the layout of the study's Tables 4.1 (history) and 4.2 (sessions). */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append("| Users | Songs | Listening events |\n|---:|---:|---:|\n");
        b.append(String.format(Locale.ROOT, "| %,d | %,d | %,d |%n%n", users, songs, events));
        b.append(String.format(Locale.ROOT, "Sessions: gap > %s minutes starts a new session%s.%n%n",
                trim(gapSeconds / 60.0), dedup ? "; repeated songs removed within a session (--dedup)" : ""));
        b.append("| Sessions | Filtered one-song sessions | Sessions kept | Users | Songs | Average length |\n");
        b.append("|---:|---:|---:|---:|---:|---:|\n");
        b.append(String.format(Locale.ROOT, "| %,d | %,d (%.2f%%) | %,d | %,d | %,d | %.2f |%n",
                sessionsFound, oneSongSessions, 100 * oneSongShare(), sessionsKept, usersKept, songsKept, averageLength()));
        if (dedup) b.append(String.format(Locale.ROOT, "%nRepeated songs removed by dedup: %,d.%n", dedupRemovedEvents));
        return b.toString();
    }

    private static String trim(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }
}
