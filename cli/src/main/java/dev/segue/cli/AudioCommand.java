package dev.segue.cli;

import dev.segue.core.io.Npy;
import dev.segue.core.io.RawArray;
import dev.segue.dsp.Features;
import dev.segue.dsp.io.AudioDecoder;
import dev.segue.dsp.io.AudioInfo;
import dev.segue.dsp.io.PcmAudio;
import dev.segue.dsp.resample.ResampleMode;
import dev.segue.dsp.spectral.PadMode;
import dev.segue.dsp.spectral.Window;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code segue audio}: decode audio files and compute librosa-compatible features. */
@Command(name = "audio", mixinStandardHelpOptions = true, description = "Audio decoding and librosa-compatible features.",
        subcommands = {AudioCommand.Info.class, AudioCommand.FeaturesCmd.class})
public final class AudioCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    /** Bad input (unreadable audio, bad parameters) is reported in one line naming the file, with exit code 1. */
    static int guard(java.util.function.IntSupplier body) {
        try {
            return body.getAsInt();
        } catch (dev.segue.dsp.io.AudioFormatException | IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("segue audio: " + e.getMessage());
            return 1;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Print sample rate, channels, duration and codec.")
    static final class Info implements Callable<Integer> {
        @Parameters(paramLabel = "FILE") Path file;

        @Override public Integer call() {
            return AudioCommand.guard(() -> info());
        }

        private int info() {
            AudioInfo i = AudioDecoder.probe(file);
            System.out.printf(Locale.ROOT, "file: %s%nrate: %d Hz%nchannels: %d%nduration: %.3f s%nframes: %d%ncodec: %s%n",
                    file, i.sampleRate(), i.channels(), i.durationSeconds(), i.frames(), i.codec());
            return 0;
        }
    }

    @Command(name = "features", mixinStandardHelpOptions = true,
            description = "Compute a feature with librosa's defaults and write it as .npy (librosa's layout: [bins, frames]; "
                    + "complex stft/cqt as [2, bins, frames]; musicnn [frames, 96]).")
    static final class FeaturesCmd implements Callable<Integer> {
        @Option(names = "--in", required = true, paramLabel = "FILE") Path in;
        @Option(names = "--out", required = true, paramLabel = "FILE.npy") Path out;
        @Option(names = "--feature", required = true, description = "stft|mel|logmel|mfcc|mfcc-deltas|cqt|chroma-cqt|chroma-stft|musicnn (mfcc-deltas: [3 n_mfcc, frames] = mfcc, delta, delta-delta)") String feature;
        @Option(names = "--sr", description = "resample to this rate first (default: the file's rate; musicnn: 16000)") Integer sr;
        @Option(names = "--n-fft", defaultValue = "2048") int nFft;
        @Option(names = "--hop", defaultValue = "512") int hop;
        @Option(names = "--win-length", description = "default: n_fft") Integer winLength;
        @Option(names = "--window", defaultValue = "hann", description = "hann|hamming|ones") String window;
        @Option(names = "--no-center") boolean noCenter;
        @Option(names = "--pad-mode", defaultValue = "constant", description = "constant|reflect") String padMode;
        @Option(names = "--power", defaultValue = "2.0") double power;
        @Option(names = "--n-mels", defaultValue = "128") int nMels;
        @Option(names = "--fmin", description = "default: 0 Hz (mel), C1 = 32.70 Hz (cqt, chroma-cqt)") Double fmin;
        @Option(names = "--fmax", description = "default: sr/2") Double fmax;
        @Option(names = "--htk") boolean htk;
        @Option(names = "--norm", defaultValue = "slaney", description = "slaney|none") String norm;
        @Option(names = "--n-mfcc", defaultValue = "20") int nMfcc;
        @Option(names = "--bins-per-octave", description = "default: 12 (cqt), 36 (chroma-cqt)") Integer bpo;
        @Option(names = "--n-bins", description = "default: 84 (cqt), 252 (chroma-cqt)") Integer nBins;
        @Option(names = "--tuning", description = "default: 0 (cqt), estimated (chroma)") Double tuning;
        @Option(names = "--n-chroma", defaultValue = "12") int nChroma;
        @Option(names = "--magnitude", description = "stft/cqt: write |X| [bins, frames] instead of the complex [2, bins, frames]") boolean magnitude;
        @Option(names = "--resampler", defaultValue = "hq", description = "hq (soxr_hq-like, default)|fast|polyphase") String resampler;

        @Override public Integer call() { return AudioCommand.guard(this::features); }

        private int features() {
            Features.Kind kind = Features.Kind.parse(feature);
            ResampleMode rm = ResampleMode.parse(resampler);
            int target = sr != null ? sr : kind == Features.Kind.MUSICNN ? 16000 : 0;
            PcmAudio a = AudioDecoder.load(in, new AudioDecoder.Options(true, target, 0, rm));
            String n = norm.toLowerCase(Locale.ROOT);
            if (!n.equals("slaney") && !n.equals("none")) throw new CommandLine.ParameterException(new CommandLine(this), "--norm must be slaney or none");
            var o = new Features.Options(nFft, hop, winLength == null ? 0 : winLength, Window.parse(window), !noCenter,
                    PadMode.parse(padMode), power, nMels, fmin == null ? Double.NaN : fmin, fmax == null ? Double.NaN : fmax, htk,
                    n.equals("slaney"), nMfcc, bpo == null ? 0 : bpo, nBins == null ? 0 : nBins, tuning == null ? Double.NaN : tuning,
                    nChroma, magnitude, rm);
            Features.Result r = Features.compute(kind, a.samples()[0], a.sampleRate(), o);
            Npy.write(out, RawArray.ofFloats(r.shape(), r.data()));
            System.err.printf(Locale.ROOT, "%s: %s %s -> %s%n", in, kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    java.util.Arrays.toString(r.shape()), out);
            return 0;
        }
    }
}
