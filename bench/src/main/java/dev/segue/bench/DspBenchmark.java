package dev.segue.bench;

import dev.segue.dsp.Features;
import dev.segue.dsp.io.AudioDecoder;
import dev.segue.dsp.resample.ResampleMode;
import dev.segue.dsp.resample.Resampler;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * The audio front end on one 30 s clip at 22.05 kHz (16 kHz for MusiCNN), one thread: compare with librosa 0.11 on the
 * same machine (stft 10.4 ms, melspectrogram 14.3, mfcc 15.5, cqt 44.7, chroma_cqt(tuning=0) 113.8).
 * Run: java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar DspBenchmark
 * MP3 only (the feature parameter does not apply to it): ... benchmarks.jar 'DspBenchmark.mp3' -p feature=stft
 * (file: -jvmArgsAppend -Dsegue.mp3=PATH, default ../shared/data/audio/vibe_ace_30s_48k_stereo_192k.mp3).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class DspBenchmark {
    @Param({"stft", "mel", "mfcc", "cqt", "chroma-cqt", "chroma-stft", "musicnn"})
    public String feature;

    float[] y22, y16, y44;
    Features.Kind kind;
    Features.Options options;

    @Setup
    public void setup() {
        y22 = clip(30 * 22050, 22050);
        y16 = clip(30 * 16000, 16000);
        y44 = clip(30 * 44100, 44100);
        kind = Features.Kind.parse(feature);
        Features.Options d = Features.Options.defaults();
        options = kind != Features.Kind.CHROMA_CQT ? d
                : new Features.Options(d.nFft(), d.hop(), d.winLength(), d.window(), d.center(), d.padMode(), d.power(), d.nMels(),
                d.fmin(), d.fmax(), d.htk(), d.slaneyNorm(), d.nMfcc(), d.binsPerOctave(), d.nBins(), 0.0, d.nChroma(), false, d.resampler());
    }

    static float[] clip(int n, int sr) {
        var rng = new java.util.Random(1);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / sr;
            y[i] = (float) (0.2 * Math.sin(2 * Math.PI * 220 * t) + 0.1 * Math.sin(2 * Math.PI * 1760 * t) + 0.02 * rng.nextGaussian());
        }
        return y;
    }

    @Benchmark
    public Object feature() {
        return kind == Features.Kind.MUSICNN ? Features.compute(kind, y16, 16000, options) : Features.compute(kind, y22, 22050, options);
    }

    @Benchmark
    public Object resample44kTo16kHq() { return Resampler.resample(y44, 44100, 16000, ResampleMode.HQ); }

    /** The 30 s 48 kHz stereo 192 kbit/s MP3 of issue 4. */
    @State(Scope.Benchmark)
    public static class Mp3File {
        java.nio.file.Path path;

        @Setup
        public void setup() {
            path = java.nio.file.Path.of(System.getProperty("segue.mp3", "../shared/data/audio/vibe_ace_30s_48k_stereo_192k.mp3"));
            if (!java.nio.file.Files.exists(path)) throw new IllegalStateException("no MP3 at " + path.toAbsolutePath() + " (-Dsegue.mp3=PATH)");
        }
    }

    @Benchmark
    public Object mp3Decode(Mp3File f) { return AudioDecoder.decode(f.path); }

    @Benchmark
    public Object mp3DecodeMono(Mp3File f) { return AudioDecoder.decode(f.path, true); }

    @Benchmark
    public Object mp3To16kMono(Mp3File f) { return AudioDecoder.load(f.path, AudioDecoder.Options.mono(16000)); }
}
