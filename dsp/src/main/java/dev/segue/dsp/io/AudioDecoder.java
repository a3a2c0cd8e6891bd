package dev.segue.dsp.io;

import dev.segue.dsp.resample.ResampleMode;
import dev.segue.dsp.resample.Resampler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One entry point for every supported format, chosen by the file's first bytes (not its name):
 * WAV (own reader), MP3 (own Layer III decoder; JLayer for Layers I/II), Ogg Vorbis (JOrbis), Ogg Opus (Concentus).
 * Decoding yields the file's own rate and channels, or their mean when a mono stream is asked for.
 */
public final class AudioDecoder {
    private AudioDecoder() {}

    /** Options of {@link #load}: mono downmix, target rate (0 = keep), fixed duration in seconds (<= 0 = keep). */
    public record Options(boolean mono, int targetRate, double durationSeconds, ResampleMode resampler) {
        public static Options keep() { return new Options(false, 0, 0, ResampleMode.HQ); }
        public static Options mono(int rate) { return new Options(true, rate, 0, ResampleMode.HQ); }
        public Options withDuration(double s) { return new Options(mono, targetRate, s, resampler); }
        public Options withResampler(ResampleMode m) { return new Options(mono, targetRate, durationSeconds, m); }
    }

    /** Opens a streaming decoder. */
    public static AudioStream open(Path file) { return open(file, false); }

    /**
     * Opens a streaming decoder; with {@code mono}, a multichannel file is read as the mean of its channels
     * ({@link AudioInfo#channels()} is then 1). MP3 decodes straight to mono: the channels are averaged in the
     * subband domain and one synthesis filter bank runs instead of two (equal to the mean of the decoded channels up
     * to float rounding).
     */
    public static AudioStream open(Path file, boolean mono) {
        AudioStream s = openRaw(file, mono);
        return mono && s.info().channels() > 1 ? new DownmixStream(s) : s;
    }

    private static AudioStream openRaw(Path file, boolean mono) {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(file, "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (n == 0) throw new AudioFormatException(file, "empty file");
        byte[] h = java.util.Arrays.copyOf(head, n);
        try {
            if (WavStream.sniff(h)) return new WavStream(file);
            if (OpusStream.sniff(h)) return new OpusStream(file);
            if (VorbisStream.sniff(h)) return new VorbisStream(file);
            if (h.length >= 4 && h[0] == 'f' && h[1] == 'L' && h[2] == 'a' && h[3] == 'C')
                throw new AudioFormatException(file, "FLAC is not supported yet");
            if (Mp3Stream.sniff(h)) return Mp3Stream.open(file, mono);
        } catch (IOException e) {
            throw new AudioFormatException(file, "read error: " + e.getMessage(), e);
        }
        throw new AudioFormatException(file, "unrecognised audio format (WAV, MP3, Ogg Vorbis and Ogg Opus are supported)");
    }

    /** Header facts without decoding the whole file where the container allows; otherwise decodes to count frames. */
    public static AudioInfo probe(Path file) {
        try (AudioStream s = open(file)) {
            AudioInfo i = s.info();
            if (i.frames() >= 0) return i;
            float[] buf = new float[8192 * i.channels()];
            long frames = 0;
            int r;
            while ((r = s.read(buf, 8192)) > 0) frames += r;
            return new AudioInfo(i.sampleRate(), i.channels(), i.codec(), frames);
        }
    }

    /** Decodes a whole file: samples[channel][frame]. */
    public static PcmAudio decode(Path file) { return decode(file, false); }

    /** Decodes a whole file, as one channel (the mean of the channels) with {@code mono}. */
    public static PcmAudio decode(Path file, boolean mono) {
        try (AudioStream s = open(file, mono)) {
            AudioInfo info = s.info();
            int ch = info.channels();
            int block = 16384;
            float[] buf = new float[block * ch];
            float[][] out = new float[ch][info.frames() > 0 ? (int) Math.min(info.frames(), Integer.MAX_VALUE - 8) : 1 << 16];
            int n = 0, r;
            while ((r = s.read(buf, block)) > 0) {
                if (n + r > out[0].length) for (int c = 0; c < ch; c++) out[c] = java.util.Arrays.copyOf(out[c], Math.max(n + r, out[c].length * 2));
                if (ch == 1) System.arraycopy(buf, 0, out[0], n, r);
                else for (int c = 0; c < ch; c++) {
                    float[] o = out[c];
                    for (int i = 0; i < r; i++) o[n + i] = buf[i * ch + c];
                }
                n += r;
            }
            for (int c = 0; c < ch; c++) if (out[c].length != n) out[c] = java.util.Arrays.copyOf(out[c], n);
            return new PcmAudio(info.sampleRate(), info.codec(), out);
        }
    }

    /** librosa.load-like: decode, optionally downmix to mono, resample, then pad/truncate to a fixed duration. */
    public static PcmAudio load(Path file, Options o) {
        PcmAudio a = decode(file, o.mono());
        float[][] ch = o.mono() ? new float[][] {a.mono()} : a.samples();
        int rate = a.sampleRate();
        if (o.targetRate() > 0 && o.targetRate() != rate) {
            float[][] r = new float[ch.length][];
            for (int c = 0; c < ch.length; c++) r[c] = Resampler.resample(ch[c], rate, o.targetRate(), o.resampler());
            ch = r;
            rate = o.targetRate();
        }
        if (o.durationSeconds() > 0) {
            int n = (int) Math.round(o.durationSeconds() * rate);
            for (int c = 0; c < ch.length; c++) ch[c] = PcmAudio.fixLength(ch[c], n);
        }
        return new PcmAudio(rate, a.codec(), ch);
    }
}
