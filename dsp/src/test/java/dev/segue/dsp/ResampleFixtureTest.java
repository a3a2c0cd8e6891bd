package dev.segue.dsp;

import dev.segue.dsp.resample.ResampleMode;
import dev.segue.dsp.resample.Resampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class ResampleFixtureTest {
    static List<String> cases() { return Fixture.names("resample__"); }

    @ParameterizedTest @MethodSource("cases")
    void resample(String name) {
        Fixture f = Fixture.load(name);
        Matcher m = Pattern.compile("resample__(\\d+)_to_(\\d+)__").matcher(name);
        assertTrue(m.find());
        int orig = Integer.parseInt(m.group(1)), target = Integer.parseInt(m.group(2));
        float[] y = f.floats("y");
        if (f.has("y_hat_polyphase")) {
            float[] r = Resampler.resample(y, orig, target, ResampleMode.POLYPHASE);
            Compare.check(f, "y_hat_polyphase", Compare.err(r, f.floats("y_hat_polyphase")), 1e-5);
        }
        float[] hq = Resampler.resample(y, orig, target, ResampleMode.HQ);
        // libsoxr is not reproduced bit for bit: the manifest's tolerance is 2x libsoxr's own HQ-vs-VHQ difference
        var e = Compare.err(hq, f.floats("y_hat_soxr_hq"));
        Compare.check(f, "y_hat_soxr_hq", e, 1e-4);
        // integer ratios use libsoxr's own (measured) filter: held to the bit-faithful tolerance
        if (orig % target == 0 || target % orig == 0)
            assertTrue(e.peakRel() <= f.tol("y_hat_soxr_hq", "rel_tol_bit_faithful"), name + " integer ratio: " + e);
    }

    static float[] soxr(String name) throws Exception {
        byte[] b = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(ResampleFixtureTest.class.getResource("/soxr/" + name).toURI()));
        float[] f = new float[b.length / 4];
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
        return f;
    }

    /** Impulse responses against libsoxr HQ itself (see src/test/resources/soxr/README.md). */
    @Test
    void impulseResponsesMatchLibsoxrHq() throws Exception {
        Object[][] cases = {{"hq_2to1_impulse500_n1000.f32", 2, 1, 1000, 500, 1e-6}, {"hq_2to1_impulse501_n1000.f32", 2, 1, 1000, 501, 1e-6},
                {"hq_3to1_impulse600_n1200.f32", 3, 1, 1200, 600, 1e-6},
                // non-integer ratio: libsoxr's two-stage filter vs our one-stage fit
                {"hq_22050to16000_impulse1102_n2205.f32", 22050, 16000, 2205, 1102, 2e-4}};
        for (Object[] c : cases) {
            float[] ref = soxr((String) c[0]);
            float[] x = new float[(int) c[3]];
            x[(int) c[4]] = 1f;
            float[] y = Resampler.resample(x, (int) c[1], (int) c[2], ResampleMode.HQ);
            assertEquals(ref.length, y.length, (String) c[0]);
            var e = Compare.err(y, ref);
            System.out.println("libsoxr HQ impulse " + c[0] + ": " + e);
            assertTrue(e.peakRel() <= (double) c[5], c[0] + ": " + e);
        }
    }

    @Test
    void tabulatedMatchesNaive() {
        float[] x = new float[700];
        var rng = new java.util.Random(7);
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
        x[350] = 5f;
        for (ResampleMode mode : ResampleMode.values())
            for (int[] r : new int[][] {{22050, 16000}, {48000, 24000}, {16000, 22050}, {2, 1}}) {
                float[] a = Resampler.resample(x, r[0], r[1], mode), b = Resampler.resampleNaive(x, r[0], r[1], mode);
                var e = Compare.err(a, b);
                assertTrue(e.peakRel() < 1e-6, mode + " " + r[0] + "->" + r[1] + " " + e);
            }
    }

    @Test
    void fftDecimationMatchesDirect() {
        var rng = new java.util.Random(9);
        for (int n : new int[] {30001, 44100}) {
            float[] x = new float[n];
            for (int i = 0; i < n; i++) x[i] = (float) (0.3 * Math.sin(i * 0.01) + 0.1 * rng.nextGaussian());
            for (int[] r : new int[][] {{2, 1}, {3, 1}, {44100, 22050}, {4, 1}}) {
                float[] a = Resampler.resample(x, r[0], r[1], ResampleMode.HQ), b = Resampler.resampleDirect(x, r[0], r[1], ResampleMode.HQ);
                var e = Compare.err(a, b);
                assertTrue(e.peakRel() < 1e-6, r[0] + "->" + r[1] + " n=" + n + " " + e);
            }
        }
    }

    @Test
    void dcAndInBandToneSurvive() {
        int n = 22050;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) Math.sin(2 * Math.PI * 440 * i / 22050.0);
        for (ResampleMode mode : ResampleMode.values()) {
            float[] y = Resampler.resample(x, 22050, 16000, mode);
            assertEquals(16000, y.length);
            for (int i = 2000; i < 14000; i++)
                assertEquals(Math.sin(2 * Math.PI * 440 * i / 16000.0), y[i], mode == ResampleMode.HQ ? 1e-4 : 1e-3 /* Kaiser(5) and FAST ripple */, mode + " @" + i);
        }
        assertEquals(0, Resampler.resample(new float[0], 44100, 16000, ResampleMode.HQ).length);
        assertEquals(1, Resampler.resample(new float[] {1f}, 44100, 16000, ResampleMode.HQ).length);
    }
}
