package dev.segue.cli;

import dev.segue.core.cpu.Parallel;
import dev.segue.dsp.Features;
import dev.segue.dsp.io.AudioDecoder;
import dev.segue.dsp.io.PcmAudio;
import dev.segue.dsp.resample.ResampleMode;
import dev.segue.dsp.resample.Resampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code segue bench dsp}: milliseconds per 30 s clip for each feature on one thread (median of repeated runs after
 * warm-up), then clips per second over a batch of clips on 1 and N threads (one clip per task).
 */
@Command(name = "dsp", mixinStandardHelpOptions = true, description = "Benchmark the audio front end (ms per 30 s clip).")
public final class BenchDsp implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "30") double seconds;
    @Option(names = "--sr", defaultValue = "22050") int sr;
    @Option(names = "--reps", defaultValue = "15") int reps;
    @Option(names = "--threads", defaultValue = "2", description = "threads for the over-clips scaling run") int threads;
    @Option(names = "--mp3", description = "MP3 for the decode+resample timing (default: ../shared/data/audio/vibe_ace_30s_48k_stereo_192k.mp3 when present)") Path mp3;
    @Option(names = "--wall", description = "time single-thread runs by wall clock instead of thread CPU time") boolean wall;
    @Option(names = "--features", split = ",", defaultValue = "stft,mel,mfcc,cqt,chroma-cqt,chroma-stft,musicnn",
            description = "features to time; 'mp3' alone times only the MP3 decoder (decode, decode to mono, decode + resample to 16 kHz mono)")
    String[] features;

    /** librosa 0.11 on this machine, one process, 30 s at 22.05 kHz (from the issue). */
    static final java.util.Map<String, Double> LIBROSA_MS = java.util.Map.of("stft", 10.4, "mel", 14.3, "mfcc", 15.5, "cqt", 44.7, "chroma-cqt", 113.8);

    /** Deterministic 30 s test clip: a few partials with vibrato plus noise (music-like spectrum, no silence). */
    static float[] clip(int n, int sr, long seed) {
        var rng = new java.util.Random(seed);
        float[] y = new float[n];
        double[] f = {110, 220, 330, 440, 660, 880, 1320, 2640};
        for (int i = 0; i < n; i++) {
            double t = (double) i / sr, v = 0;
            for (int k = 0; k < f.length; k++) v += 0.3 / (k + 1) * Math.sin(2 * Math.PI * f[k] * t + 0.3 * Math.sin(2 * Math.PI * 5 * t));
            y[i] = (float) (v * 0.5 + 0.02 * rng.nextGaussian());
        }
        return y;
    }

    static Features.Options options(String feature) {
        Features.Options d = Features.Options.defaults();
        if (feature.equals("chroma-cqt"))  // chroma_cqt(tuning=0), as the librosa figure
            return new Features.Options(d.nFft(), d.hop(), d.winLength(), d.window(), d.center(), d.padMode(), d.power(), d.nMels(),
                    d.fmin(), d.fmax(), d.htk(), d.slaneyNorm(), d.nMfcc(), d.binsPerOctave(), d.nBins(), 0.0, d.nChroma(), d.magnitude(), d.resampler());
        if (feature.equals("mfcc"))
            return new Features.Options(d.nFft(), d.hop(), d.winLength(), d.window(), d.center(), d.padMode(), d.power(), d.nMels(),
                    d.fmin(), d.fmax(), d.htk(), d.slaneyNorm(), 20, d.binsPerOctave(), d.nBins(), d.tuning(), d.nChroma(), d.magnitude(), d.resampler());
        return d;
    }

    static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Median wall-clock ms (cpu=false) or this thread's CPU ms (cpu=true: robust when other processes share the cores). */
    static double medianMs(int reps, boolean cpu, Runnable r) {
        // warm-up (JIT): at least reps/3 runs and 1 s, so that C2 has compiled the vector kernels before timing starts
        // (with only a few runs, timing began while the compiler threads - slower still on a loaded machine - were
        // still at work, and the medians mixed in C1-compiled runs)
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; i < 500 && (i < Math.max(3, reps / 3) || System.nanoTime() < warmEnd); i++) r.run();
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long s = cpu ? MX.getCurrentThreadCpuTime() : System.nanoTime();
            r.run();
            t[i] = ((cpu ? MX.getCurrentThreadCpuTime() : System.nanoTime()) - s) / 1e6;
        }
        Arrays.sort(t);
        return t[reps / 2];
    }

    static double medianMs(int reps, Runnable r) { return medianMs(reps, CPU_TIME, r); }

    static boolean CPU_TIME = true;

    /** The 1-minute system load average (other processes on the cores make wall-clock figures unreliable). */
    static double loadAverage() { return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(); }

    @Override public Integer call() {
        CPU_TIME = !wall;
        int n = (int) Math.round(seconds * sr);
        float[] y = clip(n, sr, 1);
        float[] y16 = clip((int) Math.round(seconds * 16000), 16000, 1);
        System.out.printf(Locale.ROOT, "segue bench dsp: %.0f s clip at %d Hz, one thread, median of %d runs, %s (JDK %s, %d cores, load average %.2f)%n",
                seconds, sr, reps, CPU_TIME ? "thread CPU time" : "wall clock", Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf(Locale.ROOT, "%-14s %10s %12s %8s%n", "feature", "ms/clip", "librosa ms", "speedup");
        boolean onlyMp3 = Arrays.asList(features).equals(java.util.List.of("mp3"));
        for (String f : features) {
            if (f.equals("mp3")) continue;
            Features.Kind kind = Features.Kind.parse(f);
            Features.Options o = options(f);
            float[] in = kind == Features.Kind.MUSICNN ? y16 : y;
            int rate = kind == Features.Kind.MUSICNN ? 16000 : sr;
            double ms = medianMs(reps, () -> Features.compute(kind, in, rate, o));
            Double lib = LIBROSA_MS.get(f);
            System.out.printf(Locale.ROOT, "%-14s %10.2f %12s %8s%n", f, ms, lib == null ? "-" : String.format(Locale.ROOT, "%.1f", lib),
                    lib == null ? "-" : String.format(Locale.ROOT, "%.1fx", lib / ms));
        }
        for (ResampleMode m : onlyMp3 ? new ResampleMode[0] : ResampleMode.values()) {
            float[] y44 = clip((int) Math.round(seconds * 44100), 44100, 2);
            double ms = medianMs(Math.max(3, reps / 3), () -> Resampler.resample(y44, 44100, 16000, m));
            System.out.printf(Locale.ROOT, "%-14s %10.2f   (resample 44.1k -> 16k, %s)%n", "resample", ms, m.name().toLowerCase(Locale.ROOT));
        }
        Path mp = mp3 != null ? mp3 : Path.of("..", "shared", "data", "audio", "vibe_ace_30s_48k_stereo_192k.mp3");
        if (Files.exists(mp)) {
            PcmAudio a = AudioDecoder.decode(mp);
            int r = onlyMp3 ? Math.max(reps, 15) : 5;
            double dec = medianMs(r, () -> AudioDecoder.decode(mp));
            double mono = medianMs(r, () -> AudioDecoder.decode(mp, true));
            double all = medianMs(r, () -> AudioDecoder.load(mp, AudioDecoder.Options.mono(16000)));
            System.out.printf(Locale.ROOT, "%-14s %10.2f   (%s: %.1f s, %d Hz, %d ch, decoded to %d ch)%n", "mp3 decode", dec,
                    mp.getFileName(), a.durationSeconds(), a.sampleRate(), a.channels(), a.channels());
            System.out.printf(Locale.ROOT, "%-14s %10.2f   (channels averaged before the synthesis filter bank)%n", "mp3 -> mono", mono);
            System.out.printf(Locale.ROOT, "%-14s %10.2f   (decode to mono + HQ resample to 16 kHz: AudioDecoder.load(file, Options.mono(16000)))%n",
                    "mp3->16k mono", all);
        }
        if (onlyMp3) {
            System.out.printf(Locale.ROOT, "load average at the end: %.2f%n", loadAverage());
            return 0;
        }
        // scaling over clips: a batch of 2*threads clips, one per task
        int batch = 4 * Math.max(1, threads);
        float[][] clips = new float[batch][];
        for (int i = 0; i < batch; i++) clips[i] = clip(n, sr, 10 + i);
        int old = Parallel.threads();
        try {
            for (String f : new String[] {"stft", "mel", "mfcc", "cqt", "chroma-cqt"}) {
                Features.Kind kind = Features.Kind.parse(f);
                Features.Options o = options(f);
                double[] per = new double[2];
                int[] ts = {1, threads};
                for (int k = 0; k < 2; k++) {
                    Parallel.setThreads(ts[k]);
                    double ms = medianMs(5, false, () -> Parallel.forEach(batch, i -> Features.compute(kind, clips[i], sr, o)));
                    per[k] = ms / batch;
                }
                System.out.printf(Locale.ROOT, "%-14s %10.2f ms/clip on 1 thread, %.2f ms/clip on %d threads (%.2fx, wall clock)%n",
                        f + " batch", per[0], per[1], threads, per[0] / per[1]);
            }
        } finally {
            Parallel.setThreads(old);
        }
        System.out.printf(Locale.ROOT, "load average at the end: %.2f%n", loadAverage());
        return 0;
    }
}
