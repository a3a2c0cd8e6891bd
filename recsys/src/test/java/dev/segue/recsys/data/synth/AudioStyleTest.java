package dev.segue.recsys.data.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The style must be recoverable from the audio with simple features: a chroma template match finds key
 * and mode, a spectral centroid (relative to the root) ranks brightness, high-frequency energy ranks
 * percussiveness, onset autocorrelation finds the tempo. Thresholds are set well below what the features reach (measured with numpy on the
 * tiny preset before the beat kick was added: key+mode 100%, Spearman 0.59 and 0.85; 3-s demo clips with it: brightness 0.76, percussiveness 0.86) but far above chance (1/24, 0, 0).
 */
class AudioStyleTest {
    private static final int SR = 22_050, N = 16_384;

    @Test
    void simpleFeaturesRecoverTheStyle() {
        SynthCatalog cat = new SynthCatalog(SynthConfig.preset("tiny", 3));
        int tracks = 200, keyHits = 0;
        double[] centroid = new double[tracks], bright = new double[tracks], hf = new double[tracks], perc = new double[tracks];
        for (int t = 0; t < tracks; t++) {
            Style s = cat.trackStyle[t];
            short[] pcm = AudioSynth.render(s, 1.0, SR, new SplittableRandom(t));
            double[] re = new double[N], im = new double[N];
            for (int i = 0; i < N; i++) re[i] = pcm[i] / 32768.0 * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / N));
            fft(re, im);
            double[] chroma = new double[12];
            double num = 0, den = 0, high = 0, all = 0;
            for (int k = 1; k < N / 2; k++) {
                double f = (double) k * SR / N, p = re[k] * re[k] + im[k] * im[k];
                all += p;
                if (f > 6000) high += p;
                if (f < 5000) { num += f * p; den += p; }
                if (f > 100 && f < 1100) chroma[Math.floorMod((int) Math.round(12 * Math.log(f / 440) / Math.log(2) + 69), 12)] += p;
            }
            double best = -1;
            int bestKey = -1;
            boolean bestMajor = false;
            for (int k = 0; k < 12; k++)
                for (boolean major : new boolean[] {true, false}) {
                    double score = chroma[k] + chroma[(k + (major ? 4 : 3)) % 12] + chroma[(k + 7) % 12];
                    if (score > best) { best = score; bestKey = k; bestMajor = major; }
                }
            if (bestKey == s.key() && bestMajor == s.major()) keyHits++;
            centroid[t] = num / den / AudioSynth.midiHz(48 + s.key());
            bright[t] = s.brightness();
            hf[t] = high / all;
            perc[t] = s.percussiveness();
        }
        assertTrue(keyHits >= 0.9 * tracks, "key and mode recovered for " + keyHits + "/" + tracks);
        double rb = spearman(centroid, bright), rp = spearman(hf, perc);
        assertTrue(rb > 0.4, "centroid vs brightness: Spearman " + rb);
        assertTrue(rp > 0.6, "high-frequency energy vs percussiveness: Spearman " + rp);
    }

    /**
     * Tempo from 3-second clips: RMS frames (1024, hop 256), positive differences, mean removed, and the
     * unbiased autocorrelation's best lag between 55 and 190 BPM. numpy on 300 demo clips: 72% within
     * 5% of the planted tempo, 91% allowing octave errors; this test (tiny catalogue, seed 4, fixed clip
     * seeds, so deterministic) measures 58% and 84%. Chance is ~10% and ~25%.
     */
    @Test
    void onsetAutocorrelationRecoversTheTempo() {
        SynthCatalog cat = new SynthCatalog(SynthConfig.preset("tiny", 4));
        int tracks = 100, exact = 0, octave = 0, hop = 256, frame = 1024;
        for (int t = 0; t < tracks; t++) {
            double tempo = cat.trackStyle[t].tempo();
            short[] pcm = AudioSynth.render(cat.trackStyle[t], 3.0, SR, new SplittableRandom(t));
            int frames = (pcm.length - frame) / hop;
            double[] rms = new double[frames];
            for (int f = 0; f < frames; f++) {
                double e = 0;
                for (int i = 0; i < frame; i++) { double x = pcm[f * hop + i] / 32768.0; e += x * x; }
                rms[f] = Math.sqrt(e / frame);
            }
            double[] onset = new double[frames - 1];
            double mean = 0;
            for (int f = 1; f < frames; f++) mean += onset[f - 1] = Math.max(0, rms[f] - rms[f - 1]);
            mean /= onset.length;
            for (int f = 0; f < onset.length; f++) onset[f] -= mean;
            int lo = (int) Math.ceil(60.0 / 190 * SR / hop), hi = (int) Math.floor(60.0 / 55 * SR / hop);
            int best = lo;
            double bestAc = Double.NEGATIVE_INFINITY;
            for (int lag = lo; lag <= hi; lag++) {
                double ac = 0;
                for (int f = 0; f + lag < onset.length; f++) ac += onset[f] * onset[f + lag];
                ac /= onset.length - lag;
                if (ac > bestAc) { bestAc = ac; best = lag; }
            }
            double est = 60.0 / (best * (double) hop / SR);
            boolean near = Math.abs(est - tempo) / tempo < 0.05;
            if (near) exact++;
            if (near || Math.abs(est - 2 * tempo) / tempo < 0.05 || Math.abs(est - tempo / 2) / tempo < 0.05) octave++;
        }
        assertTrue(exact >= 0.5 * tracks, "tempo within 5% for " + exact + "/" + tracks);
        assertTrue(octave >= 0.75 * tracks, "tempo within 5% up to an octave for " + octave + "/" + tracks);
    }

    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a), rb = ranks(b);
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) { ma += ra[i]; mb += rb[i]; }
        ma /= a.length; mb /= a.length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) { sab += (ra[i] - ma) * (rb[i] - mb); saa += (ra[i] - ma) * (ra[i] - ma); sbb += (rb[i] - mb) * (rb[i] - mb); }
        return sab / Math.sqrt(saa * sbb);
    }

    private static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(v[x], v[y]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[idx[i]] = i;
        return r;
    }

    /** In-place iterative radix-2 FFT (test helper; the engine's DSP lives in the dsp module). */
    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) { double t = re[i]; re[i] = re[j]; re[j] = t; t = im[i]; im[i] = im[j]; im[j] = t; }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len)
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(ang * k), wi = Math.sin(ang * k);
                    int a = i + k, b = i + k + len / 2;
                    double xr = re[b] * wr - im[b] * wi, xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr; im[b] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                }
        }
    }
}
