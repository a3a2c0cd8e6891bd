package dev.segue.recsys.data.synth;

import java.util.SplittableRandom;

/**
 * Renders a short clip whose sound carries a {@link Style}, so that simple features recover it:
 * <ul>
 *   <li>key and mode → a sustained triad (root, major/minor third, fifth) in octave 3 and a melody of
 *       scale notes (chord tones 70% of the time) in octave 4: the chroma profile;</li>
 *   <li>tempo → one melody note, one low "kick" (always audible) and one noise burst per beat: the
 *       onset rate;</li>
 *   <li>brightness → harmonic amplitudes h^−p with p = 0.5 + 2.5·(1 − brightness): the spectral centroid
 *       and roll-off;</li>
 *   <li>percussiveness → loudness of the beat bursts (and off-beat ticks above 0.4);</li>
 *   <li>even harmonics, attack and chorus → the balance of even to odd partials, the note envelope
 *       (plucked vs. swelling) and a detuned second voice (beating).</li>
 * </ul>
 * Per-track randomness (melody, phases, ±10 cents of detune, a noise floor) makes two tracks of one
 * style differ. Tones are read from one band-limited wavetable per clip, so a clip costs a few
 * operations per sample and voice.
 */
public final class AudioSynth {
    private AudioSynth() {}

    private static final int TABLE = 4096;
    private static final int HARMONICS = 12;
    private static final double[] SINE = new double[TABLE];

    static {
        for (int i = 0; i < TABLE; i++) SINE[i] = Math.sin(2 * Math.PI * i / TABLE);
    }
    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};

    public static short[] render(Style s, double seconds, int sampleRate, SplittableRandom rnd) {
        int n = (int) Math.round(seconds * sampleRate);
        float[] mix = new float[n];
        float[] table = wavetable(s, rnd);
        double detune = Math.pow(2, (rnd.nextDouble() - 0.5) * 20 / 1200.0);
        int third = s.major() ? 4 : 3;
        // the sustained triad
        for (int interval : new int[] {0, third, 7}) {
            double f = midiHz(48 + s.key() + interval) * detune;
            addTone(mix, table, f, 0.22, 0, n, sampleRate, -1, 0, rnd.nextDouble());
            if (s.chorus() > 0.05) addTone(mix, table, f * Math.pow(2, s.chorus() * 15 / 1200.0), 0.22 * 0.7 * s.chorus(), 0, n, sampleRate, -1, 0, rnd.nextDouble());
        }
        // the melody and the beat
        double beat = 60.0 / s.tempo();
        int[] scale = s.major() ? MAJOR : MINOR;
        int[] chord = {0, third, 7};
        double attack = 0.005 + 0.08 * (1 - s.attack());
        double decay = 0.08 + 0.5 * (1 - s.attack());
        double offset = rnd.nextDouble() * beat;
        for (double t = offset; t < seconds; t += beat) {
            int from = (int) (t * sampleRate);
            int interval = rnd.nextDouble() < 0.7 ? chord[rnd.nextInt(3)] : scale[rnd.nextInt(scale.length)];
            double f = midiHz(60 + s.key() + interval) * detune;
            int len = Math.min(n - from, (int) ((attack + 5 * decay) * sampleRate));
            addTone(mix, table, f, 0.35, from, len, sampleRate, attack, decay, rnd.nextDouble());
            if (s.chorus() > 0.05) addTone(mix, table, f * Math.pow(2, s.chorus() * 15 / 1200.0), 0.35 * 0.7 * s.chorus(), from, len, sampleRate, attack, decay, rnd.nextDouble());
            addKick(mix, from, 0.3 + 0.4 * s.percussiveness(), sampleRate);
            addBurst(mix, from, 0.6 * s.percussiveness(), 0.03, sampleRate, false, rnd);
            if (s.percussiveness() > 0.4) {
                int off = (int) ((t + beat / 2) * sampleRate);
                if (off < n) addBurst(mix, off, 0.35 * s.percussiveness(), 0.01, sampleRate, true, rnd);
            }
        }
        float peak = 1e-9f;
        for (int i = 0; i < n; i++) {
            mix[i] += (float) (0.004 * (rnd.nextDouble() * 2 - 1));
            peak = Math.max(peak, Math.abs(mix[i]));
        }
        short[] out = new short[n];
        float g = 0.9f * 32767 / peak;
        for (int i = 0; i < n; i++) out[i] = (short) Math.round(mix[i] * g);
        return out;
    }

    static double midiHz(int midi) { return 440 * Math.pow(2, (midi - 69) / 12.0); }

    /** One period of the clip's timbre: partial h has amplitude h^−p, even partials scaled by the style. */
    private static float[] wavetable(Style s, SplittableRandom rnd) {
        double p = 0.5 + 2.5 * (1 - s.brightness());
        double even = 0.2 + 1.6 * s.evenHarmonics();
        float[] t = new float[TABLE];
        double peak = 0;
        double[] amp = new double[HARMONICS + 1], phase = new double[HARMONICS + 1];
        for (int h = 1; h <= HARMONICS; h++) {
            amp[h] = Math.pow(h, -p) * (h % 2 == 0 ? even : 1);
            phase[h] = 2 * Math.PI * rnd.nextDouble();
        }
        // sin(θ + φ) = sin θ cos φ + cos θ sin φ, with θ = 2π·h·i/TABLE read from one sine table
        double[] c = new double[HARMONICS + 1], sn = new double[HARMONICS + 1];
        for (int h = 1; h <= HARMONICS; h++) { c[h] = amp[h] * Math.cos(phase[h]); sn[h] = amp[h] * Math.sin(phase[h]); }
        for (int i = 0; i < TABLE; i++) {
            double v = 0;
            for (int h = 1; h <= HARMONICS; h++) {
                int k = (h * i) & (TABLE - 1);
                v += c[h] * SINE[k] + sn[h] * SINE[(k + TABLE / 4) & (TABLE - 1)];
            }
            t[i] = (float) v;
            peak = Math.max(peak, Math.abs(v));
        }
        for (int i = 0; i < TABLE; i++) t[i] /= (float) peak;
        return t;
    }

    /**
     * Adds a tone from the wavetable at frequency f. attack < 0 means a sustained tone with short fades;
     * otherwise a linear attack then an exponential decay of time constant {@code decay}.
     */
    private static void addTone(float[] mix, float[] table, double f, double amp, int from, int len, int sr,
                                double attack, double decay, double phase0) {
        double step = f * TABLE / sr;
        double pos = phase0 * TABLE;
        int attackN = attack < 0 ? (int) (0.01 * sr) : Math.max(1, (int) (attack * sr));
        double decayK = attack < 0 ? 1 : Math.exp(-1.0 / (decay * sr));
        double env = 1;
        int fadeOut = (int) (0.01 * sr);
        for (int i = 0; i < len; i++) {
            int k = (int) pos;
            float frac = (float) (pos - k);
            float v = table[k & (TABLE - 1)] + frac * (table[(k + 1) & (TABLE - 1)] - table[k & (TABLE - 1)]);
            double e;
            if (i < attackN) e = (double) i / attackN;
            else { env *= decayK; e = env; }
            if (attack < 0 && len - i < fadeOut) e *= (double) (len - i) / fadeOut;
            mix[from + i] += (float) (amp * e * v);
            pos += step;
            if (pos >= TABLE) pos -= TABLE;
        }
    }

    /** A 60 Hz thump with a fast decay, below the chroma range, marking the beat. */
    private static void addKick(float[] mix, int from, double amp, int sr) {
        int len = Math.min(mix.length - from, (int) (0.25 * sr));
        double k = Math.exp(-1.0 / (0.06 * sr)), env = amp, step = 60.0 * TABLE / sr, pos = 0;
        for (int i = 0; i < len; i++) {
            mix[from + i] += (float) (env * SINE[(int) pos & (TABLE - 1)]);
            env *= k;
            pos += step;
        }
    }

    /** A decaying noise burst; {@code bright} differences the noise (a high-passed tick). */
    private static void addBurst(float[] mix, int from, double amp, double tau, int sr, boolean bright, SplittableRandom rnd) {
        int len = Math.min(mix.length - from, (int) (5 * tau * sr));
        double k = Math.exp(-1.0 / (tau * sr)), env = amp, prev = 0;
        for (int i = 0; i < len; i++) {
            double x = rnd.nextDouble() * 2 - 1;
            mix[from + i] += (float) (env * (bright ? (x - prev) * 0.5 : x));
            prev = x;
            env *= k;
        }
    }
}
