package dev.segue.recsys.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The clips of a Music4All-layout directory: {@code audios/<id>.mp3} (Music4All's 30-second clips), or
 * {@code .wav} / {@code .ogg} (the synthetic corpus writes WAV). One directory listing, then lookups.
 */
public final class AudioClips {
    public static final String[] EXTENSIONS = {".mp3", ".wav", ".ogg"};

    private final Map<String, Path> byId;

    private AudioClips(Map<String, Path> byId) { this.byId = byId; }

    /** Indexes {@code dir/audios}; two clips for one id (e.g. both .mp3 and .wav) is an error. */
    public static AudioClips index(Path music4all) {
        Path dir = music4all.resolve("audios");
        if (!Files.isDirectory(dir)) throw new DataFileException(dir, 0, "no audios/ directory");
        Map<String, Path> m = new HashMap<>();
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                for (String ext : EXTENSIONS) {
                    if (!lower.endsWith(ext)) continue;
                    String id = name.substring(0, name.length() - ext.length());
                    Path prev = m.put(id, p);
                    if (prev != null) throw new DataFileException(p, 0, "a second clip for track " + id + " (also " + prev.getFileName() + ")");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return new AudioClips(m);
    }

    /** The clip of a track id, or null when it has none. */
    public Path clip(String trackId) { return byId.get(trackId); }

    public int size() { return byId.size(); }
}
