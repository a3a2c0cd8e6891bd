package dev.segue.cli;

import dev.segue.recsys.data.synth.SynthConfig;
import dev.segue.recsys.data.synth.SyntheticCorpus;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code segue synth}: a synthetic corpus in the Music4All layout, with audio that carries each track's style. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate a synthetic Music4All-layout corpus (listening history, metadata, WAV clips, planted truth).")
public final class SynthCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "output directory") Path out;
    @Option(names = "--preset", defaultValue = "demo", description = "tiny, demo or full (default ${DEFAULT-VALUE})") String preset;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})") long seed;
    @Option(names = "--users") Integer users;
    @Option(names = "--tracks") Integer tracks;
    @Option(names = "--artists") Integer artists;
    @Option(names = "--genres") Integer genres;
    @Option(names = "--events", description = "target number of listening events") Long events;
    @Option(names = "--clip-seconds", description = "audio clip length; 0 = no audio (preset: tiny 1, demo 3, full 0)") Double clipSeconds;
    @Option(names = "--sample-rate", description = "audio sample rate (default 22050)") Integer sampleRate;

    @Override
    public Integer call() {
        SynthConfig c = SynthConfig.preset(preset, seed).withSizes(genres, artists, tracks, users, events);
        if (clipSeconds != null || sampleRate != null)
            c = c.withAudio(clipSeconds != null ? clipSeconds : c.clipSeconds(), sampleRate != null ? sampleRate : c.sampleRate());
        var s = SyntheticCorpus.generate(c, out, msg -> System.err.println("synth: " + msg));
        System.out.printf(java.util.Locale.ROOT, "wrote %s: %,d users, %,d tracks, %,d events, %,d clips in %.1f s%n",
                out, s.users(), s.tracks(), s.events(), s.audioFiles(), s.seconds());
        return 0;
    }
}
