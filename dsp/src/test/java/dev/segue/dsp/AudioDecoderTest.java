package dev.segue.dsp;

import dev.segue.dsp.io.AudioDecoder;
import dev.segue.dsp.io.AudioFormatException;
import dev.segue.dsp.io.AudioInfo;
import dev.segue.dsp.io.AudioStream;
import dev.segue.dsp.io.PcmAudio;
import dev.segue.dsp.resample.ResampleMode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class AudioDecoderTest {
    static Path res(String name) {
        try { return Path.of(AudioDecoderTest.class.getResource("/audio/" + name).toURI()); }
        catch (Exception e) { throw new IllegalStateException(e); }
    }

    /** Best SNR (dB) of x against ref over integer lags of x in [0, maxLag] (codec delay), on the overlap. */
    static double snrAligned(float[] x, float[] ref, int maxLag) {
        double best = Double.NEGATIVE_INFINITY;
        for (int lag = 0; lag <= maxLag; lag++) {
            double num = 0, den = 0;
            int n = Math.min(ref.length, x.length - lag);
            for (int i = 0; i < n; i++) { double d = x[i + lag] - ref[i]; num += d * d; den += (double) ref[i] * ref[i]; }
            best = Math.max(best, 10 * Math.log10(den / num));
        }
        return best;
    }

    @Test
    void wavSixteenBitIsExactlyInt16Over32768() {
        // the fixtures' brahms4s input was made from this WAV as int16/32768
        Fixture f = Fixture.load("cqt__default_restype_polyphase__brahms4s");
        PcmAudio a = AudioDecoder.decode(res("brahms4s_22050.wav"));
        assertEquals(22050, a.sampleRate());
        assertEquals(1, a.channels());
        assertArrayEquals(f.floats("y"), a.samples()[0], 0f);
        AudioInfo i = AudioDecoder.probe(res("brahms4s_22050.wav"));
        assertEquals(88200, i.frames());
        assertEquals("wav-pcm16", i.codec());
    }

    @Test
    void wavBitDepthsAndFloat(@TempDir Path dir) throws Exception {
        float[] v = {0f, 0.5f, -0.5f, 0.25f, -1f};
        for (int bits : new int[] {8, 16, 24, 32}) {
            Path p = dir.resolve("t" + bits + ".wav");
            Files.write(p, wav(1, 8000, bits, false, v));
            float[] got = AudioDecoder.decode(p).samples()[0];
            assertArrayEquals(v, got, bits == 8 ? 1f / 128 : 1e-6f, bits + "-bit");
        }
        Path p = dir.resolve("f.wav");
        Files.write(p, wav(2, 44100, 32, true, new float[] {0.1f, -0.2f, 0.3f, -0.4f}));
        PcmAudio a = AudioDecoder.decode(p);
        assertEquals(2, a.channels());
        assertArrayEquals(new float[] {0.1f, 0.3f}, a.samples()[0]);
        assertArrayEquals(new float[] {-0.05f, -0.05f}, a.mono(), 1e-7f);
    }

    static byte[] wav(int ch, int rate, int bits, boolean flt, float[] interleaved) {
        int bps = bits / 8, dataLen = interleaved.length * bps;
        var b = java.nio.ByteBuffer.allocate(44 + dataLen).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataLen).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) (flt ? 3 : 1)).putShort((short) ch).putInt(rate).putInt(rate * ch * bps)
                .putShort((short) (ch * bps)).putShort((short) bits).put("data".getBytes()).putInt(dataLen);
        for (float f : interleaved) {
            if (flt) { b.putFloat(f); continue; }
            long q = Math.round(f * (1L << (bits - 1)));
            q = Math.max(-(1L << (bits - 1)), Math.min((1L << (bits - 1)) - 1, q));
            if (bits == 8) b.put((byte) (q + 128));
            else for (int k = 0; k < bps; k++) b.put((byte) (q >> (8 * k)));
        }
        return b.array();
    }

    @Test
    void mp3AndOggDecodeToTheSourceSignal() {
        float[] ref = AudioDecoder.decode(res("brahms4s_22050.wav")).samples()[0];
        for (String f : new String[] {"brahms4s_22050.mp3", "brahms4s_22050.ogg"}) {
            PcmAudio a = AudioDecoder.decode(res(f));
            assertEquals(22050, a.sampleRate(), f);
            assertEquals(1, a.channels(), f);
            assertTrue(a.frames() >= ref.length - 1200 && a.frames() <= ref.length + 3000, f + " frames " + a.frames());
            double snr = snrAligned(a.samples()[0], ref, 2500);
            System.out.println(f + ": SNR vs source " + snr + " dB");
            assertTrue(snr > 15, f + " SNR " + snr);
        }
        PcmAudio st = AudioDecoder.decode(res("tones_stereo_22050.mp3"));
        assertEquals(2, st.channels());
        PcmAudio ov = AudioDecoder.decode(res("tones_stereo_22050.ogg"));
        assertEquals(2, ov.channels());
        float[][] src = AudioDecoder.decode(res("tones_stereo_22050.wav")).samples();
        for (int c = 0; c < 2; c++) {
            assertTrue(snrAligned(st.samples()[c], src[c], 2500) > 25, "mp3 stereo channel " + c);
            assertTrue(snrAligned(ov.samples()[c], src[c], 10) > 25, "ogg stereo channel " + c);
        }
    }

    @Test
    void opusDecodesAt48kWithPreSkipAndEndTrimmed() {
        float[] ref = AudioDecoder.decode(res("brahms4s_22050.wav")).samples()[0];
        PcmAudio o = AudioDecoder.decode(res("brahms4s_22050.opus"));
        assertEquals(48000, o.sampleRate());
        assertEquals("opus", o.codec());
        assertEquals(1, o.channels());
        // 4 s of input: the end page's granule position trims the decoder's padding away
        assertEquals(4.0 * 48000, o.frames(), 48000 * 0.01);
        float[] back = dev.segue.dsp.resample.Resampler.resample(o.samples()[0], 48000, 22050, ResampleMode.HQ);
        double snr = Math.max(snrAligned(back, ref, 200), snrAligned(ref, back, 200));
        System.out.println("brahms4s_22050.opus: SNR vs source " + snr + " dB");
        assertTrue(snr > 15, "opus SNR " + snr);
        PcmAudio st = AudioDecoder.decode(res("tones_stereo_22050.opus"));
        assertEquals(2, st.channels());
        float[][] src = AudioDecoder.decode(res("tones_stereo_22050.wav")).samples();
        for (int c = 0; c < 2; c++) {
            float[] b = dev.segue.dsp.resample.Resampler.resample(st.samples()[c], 48000, 22050, ResampleMode.HQ);
            double s2 = Math.max(snrAligned(b, src[c], 200), snrAligned(src[c], b, 200));
            assertTrue(s2 > 20, "opus stereo channel " + c + " SNR " + s2);
        }
    }

    @Test
    void toMonoMatchesLibrosa() {
        Fixture f = Fixture.load("to_mono__stereo44k"); // in ../shared only (1 MB): skipped without it
        float[] st = f.floats("y_stereo");
        int n = st.length / 2;
        PcmAudio a = new PcmAudio(44100, "test", new float[][] {java.util.Arrays.copyOf(st, n), java.util.Arrays.copyOfRange(st, n, 2 * n)});
        Compare.check(f, "y_mono", Compare.err(a.mono(), f.floats("y_mono")), 1e-5);
    }

    @Test
    void streamingReadsInBlocks() {
        try (AudioStream s = AudioDecoder.open(res("tones_stereo_22050.ogg"))) {
            assertEquals("vorbis", s.info().codec());
            float[] buf = new float[100 * 2];
            long total = 0;
            int r;
            while ((r = s.read(buf, 100)) > 0) { assertTrue(r <= 100); total += r; }
            assertEquals(22050, total);
        }
    }

    @Test
    void loadResamplesDownmixesAndFixesDuration() {
        PcmAudio a = AudioDecoder.load(res("tones_stereo_22050.wav"), AudioDecoder.Options.mono(16000).withDuration(2.0));
        assertEquals(16000, a.sampleRate());
        assertEquals(1, a.channels());
        assertEquals(32000, a.frames());
        assertEquals(0f, a.samples()[0][31000]);
        PcmAudio b = AudioDecoder.load(res("tones_stereo_22050.wav"),
                AudioDecoder.Options.mono(16000).withDuration(0.5).withResampler(ResampleMode.FAST));
        assertEquals(8000, b.frames());
    }

    @Test
    void badFilesGiveErrorsNamingTheFile(@TempDir Path dir) throws Exception {
        for (String f : new String[] {"not_audio.wav", "truncated_header.wav", "truncated_headers.ogg"}) {
            var e = assertThrows(AudioFormatException.class, () -> AudioDecoder.decode(res(f)));
            assertTrue(e.getMessage().contains(f), e.getMessage());
        }
        Path empty = dir.resolve("empty.mp3");
        Files.write(empty, new byte[0]);
        assertTrue(assertThrows(AudioFormatException.class, () -> AudioDecoder.decode(empty)).getMessage().contains("empty.mp3"));
        Path missing = dir.resolve("missing.ogg");
        assertTrue(assertThrows(AudioFormatException.class, () -> AudioDecoder.decode(missing)).getMessage().contains("missing.ogg"));
        Path garbage = dir.resolve("garbage.mp3");
        byte[] g = new byte[5000];
        new java.util.Random(3).nextBytes(g);
        g[0] = 'I'; g[1] = 'D'; g[2] = '3'; g[3] = 3; g[4] = 0; g[5] = 0; g[6] = 0x7f; g[7] = 0x7f; g[8] = 0x7f; g[9] = 0x7f;
        Files.write(garbage, g);
        assertTrue(assertThrows(AudioFormatException.class, () -> AudioDecoder.decode(garbage)).getMessage().contains("garbage.mp3"));
        // truncated compressed files: what was complete is decoded (a defined, shorter result)
        assertTrue(AudioDecoder.decode(res("truncated.mp3")).frames() > 0);
        PcmAudio t = AudioDecoder.decode(res("truncated.ogg"));
        assertTrue(t.frames() > 0 && t.frames() < 88200, "truncated ogg frames " + t.frames());
        // a WAV whose data chunk is cut short keeps the complete frames
        Path cut = dir.resolve("cut.wav");
        byte[] full = Files.readAllBytes(res("tones_stereo_22050.wav"));
        Files.write(cut, java.util.Arrays.copyOf(full, 44 + 4 * 1000 + 3));
        assertEquals(1000, AudioDecoder.decode(cut).frames());
    }

    /** Real corpus files from ../shared/data/audio: MP3 against ffmpeg's float decode (sample-exact), OGG end to end. */
    @Test
    void sharedRealMusic() {
        String s = System.getProperty("segue.shared");
        Path dir = s == null ? null : Path.of(s, "data", "audio");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "../shared/data/audio not present");
        for (String f : new String[] {"vibe_ace_10s_22k_mono_64k", "brahms_30s_44k_stereo_128k"}) {
            PcmAudio mp3 = AudioDecoder.decode(dir.resolve(f + ".mp3"));
            PcmAudio ff = AudioDecoder.decode(dir.resolve(f + ".ffmpeg-decoded.f32.wav"));
            assertEquals(ff.sampleRate(), mp3.sampleRate());
            assertEquals(ff.channels(), mp3.channels());
            assertEquals(ff.frames(), mp3.frames(), f + ": same length after the gapless trim");
            for (int c = 0; c < ff.channels(); c++) {
                double snr = snrAligned(mp3.samples()[c], ff.samples()[c], 0);
                System.out.println(f + " mp3 channel " + c + " vs ffmpeg: " + snr + " dB");
                assertTrue(snr > 115, f + " vs ffmpeg SNR " + snr);
            }
        }
        PcmAudio ogg = AudioDecoder.decode(dir.resolve("brahms_hungarian_dance_5.ogg"));
        PcmAudio oggRef = AudioDecoder.decode(dir.resolve("brahms_hungarian_dance_5.ffmpeg-decoded.f32.wav"));
        assertEquals(oggRef.sampleRate(), ogg.sampleRate());
        assertEquals(oggRef.frames(), ogg.frames(), 2048);
        double snrOgg = snrAligned(ogg.samples()[0], java.util.Arrays.copyOf(oggRef.samples()[0], 200000), 0);
        System.out.println("brahms ogg (JOrbis) vs ffmpeg: " + snrOgg + " dB");
        assertTrue(snrOgg > 40, "JOrbis vs ffmpeg SNR " + snrOgg);
    }
}
