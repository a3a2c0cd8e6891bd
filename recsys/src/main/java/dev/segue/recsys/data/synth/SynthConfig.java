package dev.segue.recsys.data.synth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Size and shape of a synthetic Music4All corpus. The presets: {@code tiny} for tests (about a second),
 * {@code demo} for the main job (the study's trends show; well under a minute with audio on 2 cores),
 * {@code full} at Music4All scale (14,127 users, 99,596 tracks, ~5.1M events; audio off unless asked).
 *
 * @param targetEvents the session process aims at this many events; the result is within a few percent
 * @param clipSeconds  length of every audio clip; 0 writes no audio
 */
public record SynthConfig(String preset, long seed, int genres, int artists, int tracks, int users, long targetEvents,
                          double clipSeconds, int sampleRate) {

    public SynthConfig {
        if (genres < 1 || artists < genres || tracks < artists || users < 1 || targetEvents < users)
            throw new IllegalArgumentException("need 1 <= genres <= artists <= tracks, users >= 1 and events >= users; got genres "
                    + genres + ", artists " + artists + ", tracks " + tracks + ", users " + users + ", events " + targetEvents);
        if (clipSeconds < 0 || clipSeconds > 30) throw new IllegalArgumentException("clip seconds must be in [0, 30], got " + clipSeconds);
        if (sampleRate < 8000 || sampleRate > 48000) throw new IllegalArgumentException("sample rate must be in [8000, 48000], got " + sampleRate);
    }

    public static SynthConfig preset(String name, long seed) {
        return switch (name) {
            case "tiny" -> new SynthConfig("tiny", seed, 4, 30, 300, 80, 15_000, 1.0, 22_050);
            case "demo" -> new SynthConfig("demo", seed, 10, 500, 4_000, 1_500, 300_000, 3.0, 22_050);
            case "full" -> new SynthConfig("full", seed, 20, 15_000, 99_596, 14_127, 5_109_592, 0, 22_050);
            default -> throw new IllegalArgumentException("unknown preset '" + name + "' (tiny, demo or full)");
        };
    }

    public boolean audio() { return clipSeconds > 0; }

    public SynthConfig withSizes(Integer genres, Integer artists, Integer tracks, Integer users, Long events) {
        return new SynthConfig(preset, seed, genres != null ? genres : this.genres, artists != null ? artists : this.artists,
                tracks != null ? tracks : this.tracks, users != null ? users : this.users, events != null ? events : targetEvents,
                clipSeconds, sampleRate);
    }

    public SynthConfig withAudio(double clipSeconds, int sampleRate) {
        return new SynthConfig(preset, seed, genres, artists, tracks, users, targetEvents, clipSeconds, sampleRate);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", preset);
        m.put("seed", seed);
        m.put("genres", genres);
        m.put("artists", artists);
        m.put("tracks", tracks);
        m.put("users", users);
        m.put("target_events", targetEvents);
        m.put("clip_seconds", clipSeconds);
        m.put("sample_rate", sampleRate);
        return m;
    }
}
