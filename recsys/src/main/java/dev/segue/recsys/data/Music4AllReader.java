package dev.segue.recsys.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a directory in the Music4All layout: {@code listening_history.csv} ({@code user song timestamp},
 * tab-separated despite the name) and, when present, {@code id_information.csv}
 * ({@code id artist song album_name}) and {@code id_genres.csv} ({@code id genres}). With the
 * catalogue present, a listening event for a track id it does not list is a bad row.
 */
public final class Music4AllReader {
    private Music4AllReader() {}

    public static final String HISTORY = "listening_history.csv";
    public static final String INFORMATION = "id_information.csv";
    public static final String GENRES = "id_genres.csv";

    public static Music4All read(Path dir, BadRows bad) {
        if (!Files.isDirectory(dir)) throw new DataFileException(dir, 0, "not a directory (expected the Music4All layout)");
        TrackCatalog catalog = readCatalog(dir, bad);
        boolean closed = catalog.tracks().size() > 0;
        Path file = dir.resolve(HISTORY);
        ListeningHistory.Builder b = new ListeningHistory.Builder(closed ? catalog.tracks() : new IdDictionary());
        IdDictionary tracks = b.tracks();
        long[] rows = {0};
        TsvFile.read(file, new String[] {"user", "song", "timestamp"}, bad, (f, line) -> {
            String user = f[0], song = f[1];
            long t = Timestamps.parse(f[2]);
            if (t == Long.MIN_VALUE) { bad.bad(file, line, "bad timestamp '" + f[2] + "' (expected YYYY-MM-DD HH:MM[:SS])"); return; }
            if (user.isEmpty() || song.isEmpty()) { bad.bad(file, line, "empty user or song id"); return; }
            int track;
            if (closed) {
                track = tracks.indexOf(song);
                if (track < 0) { bad.bad(file, line, "unknown track id '" + song + "' (not in " + INFORMATION + ")"); return; }
            } else {
                track = tracks.add(song);
            }
            b.add(user, track, t);
            rows[0]++;
        });
        if (rows[0] == 0) throw new DataFileException(file, 0, "no listening events");
        return new Music4All(b.build(), closed ? catalog : new TrackCatalog(tracks, List.of(), List.of()));
    }

    /** The catalogue alone ({@code id_information.csv}, {@code id_genres.csv}); empty when the directory has none. */
    public static TrackCatalog readCatalog(Path dir, BadRows bad) {
        Path info = dir.resolve(INFORMATION);
        if (!Files.exists(info)) return TrackCatalog.empty();
        IdDictionary tracks = new IdDictionary();
        List<String> artists = new ArrayList<>();
        TsvFile.read(info, new String[] {"id", "artist"}, bad, (f, line) -> {
            String id = f[0];
            if (id.isEmpty()) { bad.bad(info, line, "empty track id"); return; }
            if (tracks.indexOf(id) >= 0) { bad.bad(info, line, "duplicate track id '" + id + "'"); return; }
            tracks.add(id);
            artists.add(f[1]);
        });
        List<String> genres = new ArrayList<>(java.util.Collections.nCopies(tracks.size(), ""));
        Path g = dir.resolve(GENRES);
        if (Files.exists(g)) {
            TsvFile.read(g, new String[] {"id", "genres"}, bad, (f, line) -> {
                int t = tracks.indexOf(f[0]);
                if (t < 0) { bad.bad(g, line, "unknown track id '" + f[0] + "' (not in " + INFORMATION + ")"); return; }
                genres.set(t, f[1]);
            });
        }
        if (tracks.size() == 0) throw new DataFileException(info, 0, "no tracks");
        return new TrackCatalog(tracks, artists, genres);
    }
}
