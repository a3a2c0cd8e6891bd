package dev.segue.recsys.data.sets;

import dev.segue.recsys.data.BadRows;
import dev.segue.recsys.data.DataFileException;
import dev.segue.recsys.data.IdDictionary;
import dev.segue.recsys.data.ListeningHistory;
import dev.segue.recsys.data.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Last.fm listening logs (headerless, tab-separated, newest first per user) into a {@link ListeningHistory}
 * that {@link dev.segue.recsys.data.Sessionizer} cuts by idle gap.
 * <ul>
 *   <li>{@link Format#LASTFM_1K}: {@code userid timestamp(ISO-8601 Z) artist-mbid artist-name track-mbid track-name};</li>
 *   <li>{@link Format#API_CRAWL}: {@code username artist-mbid artist-name track-mbid track-name unix-seconds}.</li>
 * </ul>
 * A track is its MBID when present, otherwise "artist name — track name" (a third of the rows lack an MBID).
 */
public final class LastFmReader {
    private LastFmReader() {}

    public enum Format { LASTFM_1K, API_CRAWL }

    /** The history and the artist name of every track index. */
    public record Result(ListeningHistory history, List<String> trackArtist) {}

    public static Result read(Path file, Format format, BadRows bad) {
        ListeningHistory.Builder b = new ListeningHistory.Builder();
        IdDictionary tracks = b.tracks();
        List<String> artists = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String s;
            long line = 0;
            while ((s = r.readLine()) != null) {
                line++;
                if (s.isEmpty()) continue;
                String[] f = s.split("\t", -1);
                if (f.length != 6) { bad.bad(file, line, "expected 6 tab-separated fields, found " + f.length); continue; }
                String user, artist, mbid, name;
                long t;
                if (format == Format.LASTFM_1K) {
                    user = f[0]; artist = f[3]; mbid = f[4]; name = f[5];
                    t = Timestamps.parse(f[1]);
                    if (t == Long.MIN_VALUE) { bad.bad(file, line, "bad timestamp '" + f[1] + "' (expected YYYY-MM-DDTHH:MM:SSZ)"); continue; }
                } else {
                    user = f[0]; artist = f[2]; mbid = f[3]; name = f[4];
                    try { t = Long.parseLong(f[5].trim()); } catch (NumberFormatException e) { bad.bad(file, line, "bad unix timestamp '" + f[5] + "'"); continue; }
                }
                if (user.isEmpty()) { bad.bad(file, line, "empty user"); continue; }
                String key = mbid.isEmpty() ? artist + " \u2014 " + name : mbid;
                int before = tracks.size();
                int track = tracks.add(key);
                if (track == before) artists.add(artist);
                b.add(user, track, t);
            }
            if (line == 0) throw new DataFileException(file, 0, "empty file");
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Result(b.build(), artists);
    }
}
