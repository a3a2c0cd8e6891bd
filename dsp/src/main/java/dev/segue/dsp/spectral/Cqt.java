package dev.segue.dsp.spectral;

import dev.segue.dsp.ComplexMatrix;
import dev.segue.dsp.resample.Resampler;
import org.jtransforms.fft.DoubleFFT_1D;

import java.util.Arrays;

/**
 * librosa.cqt (= vqt with gamma 0), recursively: per octave (top first) a sparse frequency-domain wavelet basis is applied
 * to a rectangular-window STFT; between octaves the signal is halved (2:1 resampling, scaled by sqrt 2) and the hop halved.
 * Early downsampling by powers of two first when the top filter's cutoff allows it. Output [n_bins, frames], complex64.
 */
public final class Cqt {
    private Cqt() {}

    /** Hann window's equivalent noise bandwidth as librosa tabulates it (filters.WINDOW_BANDWIDTHS['hann']). */
    static final double HANN_BANDWIDTH = 1.50018310546875;

    /** librosa.cqt_frequencies: fmin 2^(tuning/bpo) 2^(k/bpo). */
    public static double[] frequencies(int nBins, double fmin, int bpo, double tuning) {
        double correction = Math.pow(2.0, tuning / bpo);
        double[] f = new double[nBins];
        for (int k = 0; k < nBins; k++) f[k] = correction * fmin * Math.pow(2.0, (double) k / bpo);
        return f;
    }

    /** filters._relative_bandwidth (needs >= 2 frequencies); one frequency: the equal-tempered value. */
    static double[] relativeBandwidth(double[] freqs, int bpo) {
        int n = freqs.length;
        double[] alpha = new double[n];
        if (n == 1) {
            double r = Math.pow(2, 1.0 / bpo);
            alpha[0] = (r * r - 1) / (r * r + 1);
            return alpha;
        }
        double[] logf = new double[n];
        for (int i = 0; i < n; i++) logf[i] = Math.log(freqs[i]) / Math.log(2);
        for (int i = 0; i < n; i++) {
            double bpoLocal = i == 0 ? 1 / (logf[1] - logf[0]) : i == n - 1 ? 1 / (logf[n - 1] - logf[n - 2]) : 2 / (logf[i + 1] - logf[i - 1]);
            double p = Math.pow(2.0, 2 / bpoLocal);
            alpha[i] = (p - 1) / (p + 1);
        }
        return alpha;
    }

    /** filters.wavelet_lengths with gamma 0: Q sr / f, Q = filter_scale / alpha. */
    static double[] lengths(double[] freqs, double[] alpha, double sr, double filterScale) {
        double[] l = new double[freqs.length];
        for (int i = 0; i < l.length; i++) l[i] = filterScale / alpha[i] * sr / freqs[i];
        return l;
    }

    static double cutoff(double[] freqs, double[] alpha, double filterScale) {
        double c = 0;
        for (int i = 0; i < freqs.length; i++) c = Math.max(c, freqs[i] * (1 + 0.5 * HANN_BANDWIDTH / (filterScale / alpha[i])));
        return c;
    }

    /**
     * One octave's sparsified basis: row r has nnz[r] kept entries (bin index, complex64 value) in idx/re/im; for the
     * product the same row is also stored densely over its support [lo[r], lo[r] + dre[r].length) (dropped entries as
     * zeros) so that it runs as contiguous dot products.
     */
    record SparseBasis(int nFft, int[][] idx, float[][] re, float[][] im, int[] lo, float[][] dre, float[][] dim) {
        SparseBasis(int nFft, int[][] idx, float[][] re, float[][] im) { this(nFft, idx, re, im, lows(idx), dense(idx, re), dense(idx, im)); }

        private static int[] lows(int[][] idx) {
            int[] lo = new int[idx.length];
            for (int r = 0; r < idx.length; r++) lo[r] = idx[r].length == 0 ? 0 : idx[r][0];
            return lo;
        }

        private static float[][] dense(int[][] idx, float[][] v) {
            float[][] d = new float[idx.length][];
            for (int r = 0; r < idx.length; r++) {
                int n = idx[r].length;
                d[r] = n == 0 ? new float[0] : new float[idx[r][n - 1] - idx[r][0] + 1];
                for (int j = 0; j < n; j++) d[r][idx[r][j] - idx[r][0]] = v[r][j];
            }
            return d;
        }
    }

    private static final java.util.Map<String, SparseBasis> BASES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Bases depend only on (rate, frequencies, parameters): built once per process, as librosa caches them. */
    static SparseBasis cachedBasis(double sr, double[] freqs, double[] alpha, double filterScale, double sparsity, double gain) {
        String key = sr + "|" + Arrays.toString(freqs) + "|" + Arrays.toString(alpha) + "|" + filterScale + "|" + sparsity + "|" + gain;
        return BASES.computeIfAbsent(key, k -> basis(sr, freqs, alpha, filterScale, sparsity, gain));
    }

    /** The frequency-domain basis of __vqt_filter_fft for the given frequencies at rate sr, sparsified, times `gain`. */
    static SparseBasis basis(double sr, double[] freqs, double[] alpha, double filterScale, double sparsity, double gain) {
        int n = freqs.length;
        double[] len = lengths(freqs, alpha, sr, filterScale);
        double maxLen = 0;
        for (double l : len) maxLen = Math.max(maxLen, l);
        int nFft = 1 << (int) Math.ceil(Math.log(maxLen) / Math.log(2) - 1e-12);
        if (nFft < maxLen) nFft <<= 1;
        int bins = nFft / 2 + 1;
        DoubleFFT_1D fft = new DoubleFFT_1D(nFft);
        int[][] idx = new int[n][];
        float[][] bre = new float[n][], bim = new float[n][];
        double[] buf = new double[2 * nFft];
        for (int r = 0; r < n; r++) {
            double ilen = len[r];
            long start = (long) Math.floor(-ilen / 2), end = (long) Math.floor(ilen / 2);
            int L = (int) (end - start);
            double[] w = Window.HANN.periodic(L);
            double[] sr_ = new double[L], si = new double[L];
            double l1 = 0;
            for (int j = 0; j < L; j++) {
                double angle = (double) (start + j) * 2 * Math.PI * freqs[r] / sr;
                sr_[j] = Math.cos(angle) * w[j];
                si[j] = Math.sin(angle) * w[j];
                l1 += Math.hypot(sr_[j], si[j]);
            }
            if (l1 < Double.MIN_NORMAL) l1 = 1;
            double scale = ilen / nFft;
            Arrays.fill(buf, 0);
            int lpad = (nFft - L) / 2;
            for (int j = 0; j < L; j++) {
                // complex64 filter (np.asarray(..., dtype=complex64)), then scaled in place by lengths / n_fft
                float fr = (float) (sr_[j] / l1), fi = (float) (si[j] / l1);
                buf[2 * (lpad + j)] = (float) (fr * scale);
                buf[2 * (lpad + j) + 1] = (float) (fi * scale);
            }
            fft.complexForward(buf);
            // |.| in float32 of the complex64 spectrum; sparsify: drop the smallest entries holding < sparsity of the row's L1 mass
            float[] fre = new float[bins], fim = new float[bins], mag = new float[bins];
            double norm = 0;
            for (int k = 0; k < bins; k++) {
                fre[k] = (float) buf[2 * k];
                fim[k] = (float) buf[2 * k + 1];
                mag[k] = dev.segue.dsp.Spectra.abs(fre[k], fim[k]);
                norm += mag[k];
            }
            float thresh = sparsity > 0 ? threshold(mag, (float) norm, (float) sparsity) : Float.NEGATIVE_INFINITY;
            int nnz = 0;
            for (int k = 0; k < bins; k++) if (mag[k] >= thresh) nnz++;
            idx[r] = new int[nnz];
            bre[r] = new float[nnz];
            bim[r] = new float[nnz];
            int c = 0;
            for (int k = 0; k < bins; k++)
                if (mag[k] >= thresh) {
                    idx[r][c] = k;
                    bre[r][c] = (float) (fre[k] * gain);
                    bim[r][c] = (float) (fim[k] * gain);
                    c++;
                }
        }
        return new SparseBasis(nFft, idx, bre, bim);
    }

    /** util.sparsify_rows threshold: the smallest magnitude whose cumulative (sorted, normalised, float32) share reaches q. */
    static float threshold(float[] mag, float norm, float q) {
        float[] s = mag.clone();
        Arrays.sort(s);
        float cum = 0;
        for (float v : s) {
            cum += v / norm;
            if (!(cum < q)) return v;
        }
        return s[0]; // np.argmin of an all-True mask is 0
    }

    /** Early downsampling count (librosa __early_downsample_count). */
    static int earlyDownsampleCount(double nyquist, double filterCutoff, int hop, int nOctaves) {
        int c1 = Math.max(0, (int) Math.ceil(Math.log(nyquist / filterCutoff) / Math.log(2)) - 1 - 1);
        int twos = Integer.numberOfTrailingZeros(hop);
        int c2 = Math.max(0, twos - nOctaves + 1);
        return Math.min(c1, c2);
    }

    public static ComplexMatrix cqt(float[] y, double sr, CqtParams p) {
        dev.segue.dsp.Signals.requireValid(y, "cqt");
        if (Double.isNaN(p.tuning())) p = p.withTuning(Tuning.estimate(y, sr, p.binsPerOctave()));
        int bpo = p.binsPerOctave(), nBins = p.nBins();
        double[] freqs = frequencies(nBins, p.fmin(), bpo, p.tuning());
        if (freqs[0] >= sr / 2) throw new IllegalArgumentException("fmin=" + freqs[0] + " must be less than sr/2=" + sr / 2);
        double[] alpha = relativeBandwidth(freqs, bpo);
        double nyquist = sr / 2;
        double cut = cutoff(freqs, alpha, p.filterScale());
        if (cut > nyquist)
            throw new IllegalArgumentException("wavelet basis with max frequency " + freqs[nBins - 1] + " Hz would exceed the Nyquist frequency "
                    + nyquist + " Hz; reduce n_bins");
        int nOctaves = (nBins + bpo - 1) / bpo, nFilters = Math.min(bpo, nBins);
        int hop = p.hop();
        float[] x = y;
        int down = earlyDownsampleCount(nyquist, cut, hop, nOctaves);
        if (down > 0) {
            int factor = 1 << down;
            if (y.length < factor) throw new IllegalArgumentException("signal of " + y.length + " samples is too short for a " + nOctaves + "-octave CQT");
            hop /= factor;
            x = halve(y, factor, p);
            sr = sr / factor;
        }
        double srTop = sr;
        float[][] octRe = new float[nOctaves][], octIm = new float[nOctaves][];
        int[] octRows = new int[nOctaves], octCols = new int[nOctaves];
        double mySr = sr;
        int myHop = hop;
        float[] my = x;
        for (int i = 0; i < nOctaves; i++) {
            int hi = nBins - nFilters * i, lo = Math.max(0, nBins - nFilters * (i + 1));
            double[] fo = Arrays.copyOfRange(freqs, lo, hi), ao = Arrays.copyOfRange(alpha, lo, hi);
            SparseBasis b = cachedBasis(mySr, fo, ao, p.filterScale(), p.sparsity(), Math.sqrt(srTop / mySr));
            int frames = response(my, b, myHop, p.padMode(), octRe, octIm, i);
            octRows[i] = hi - lo;
            octCols[i] = frames;
            if (i < nOctaves - 1) {
                double fMaxNext = freqs[lo - 1];
                if (myHop % 2 == 0 && fMaxNext <= mySr / 5) {
                    myHop /= 2;
                    mySr /= 2;
                    my = halve(my, 2, p);
                }
            }
        }
        int cols = Integer.MAX_VALUE;
        for (int c : octCols) cols = Math.min(cols, c);
        float[] re = new float[nBins * cols], im = new float[nBins * cols];
        double[] len = lengths(freqs, alpha, srTop, p.filterScale());
        int end = nBins;
        for (int i = 0; i < nOctaves; i++) {
            int rows = octRows[i], src = octCols[i];
            for (int r = 0; r < rows; r++) {
                int bin = end - rows + r;
                double s = p.scale() ? 1 / Math.sqrt(len[bin]) : 1;
                for (int t = 0; t < cols; t++) {
                    re[bin * cols + t] = (float) (octRe[i][r * src + t] * s);
                    im[bin * cols + t] = (float) (octIm[i][r * src + t] * s);
                }
            }
            end -= rows;
        }
        return new ComplexMatrix(nBins, cols, re, im);
    }

    /** resample(orig_sr=factor, target_sr=1, scale=True): the filter's output times sqrt(factor), in float32. */
    static float[] halve(float[] y, int factor, CqtParams p) {
        float[] h = Resampler.resampleSingle(y, factor, 1, p.resampler());
        float s = (float) Math.sqrt(1.0 / factor); // numpy: float32 array /= python float -> float32 division
        for (int i = 0; i < h.length; i++) h[i] = h[i] / s;
        return h;
    }

    /** basis @ STFT(window ones) of one octave into out*[oct] as [rows, frames]; returns frames. */
    private static int response(float[] y, SparseBasis b, int hop, PadMode pad, float[][] outRe, float[][] outIm, int oct) {
        int nFft = b.nFft(), bins = nFft / 2 + 1;
        StftParams sp = new StftParams(nFft, hop, nFft, Window.ONES, true, pad);
        int rows = b.idx().length, frames = sp.frames(y.length);
        float[] ore = new float[rows * frames], oim = new float[rows * frames];
        if (Stft.floatBatched(sp)) {
            // float32 SIMD path: 16 frames per vector through the batched FFT, then each row's few kept basis entries as
            // complex FMAs on the lanes (no per-frame spectrum, no transpose)
            Stft.forEachBatchF(y, sp, (t0, nb, fft) -> FloatBatchCqt.apply(fft, t0, nb, b, ore, oim, frames));
            outRe[oct] = ore;
            outIm[oct] = oim;
            return frames;
        }
        float[] dre = new float[bins], dim = new float[bins];
        Stft.forEachFrame(y, sp, (t, sre, sim) -> {
            // the complex64 STFT column, then per row (br + i bi) . (dr + i di) over the row's support
            for (int k = 0; k < bins; k++) { dre[k] = (float) sre[k]; dim[k] = (float) sim[k]; }
            for (int r = 0; r < rows; r++) {
                float[] br = b.dre()[r], bi = b.dim()[r];
                int lo = b.lo()[r], n = br.length;
                float rr = dev.segue.dsp.Kernels.dot(br, 0, dre, lo, n), ii = dev.segue.dsp.Kernels.dot(bi, 0, dim, lo, n);
                float ri = dev.segue.dsp.Kernels.dot(br, 0, dim, lo, n), ir = dev.segue.dsp.Kernels.dot(bi, 0, dre, lo, n);
                ore[r * frames + t] = rr - ii;
                oim[r * frames + t] = ri + ir;
            }
        });
        outRe[oct] = ore;
        outIm[oct] = oim;
        return frames;
    }

    /** Naive reference of the octave product: every kept entry, double accumulation. For tests. */
    static float[][] responseNaive(float[] y, SparseBasis b, int hop, PadMode pad) {
        // the per-frame JTransforms float64 STFT, rounded to complex64 (independent of the batched FFTs)
        StftParams sp = new StftParams(b.nFft(), hop, b.nFft(), Window.ONES, true, pad);
        int bins = sp.bins(), nf = sp.frames(y.length);
        float[] dre = new float[bins * nf], dim = new float[bins * nf];
        Stft.forEachFrameScalar(y, sp, (t, re, im) -> {
            for (int k = 0; k < bins; k++) { dre[k * nf + t] = (float) re[k]; dim[k * nf + t] = (float) im[k]; }
        });
        ComplexMatrix d = new ComplexMatrix(bins, nf, dre, dim);
        int rows = b.idx().length, frames = d.cols();
        float[] ore = new float[rows * frames], oim = new float[rows * frames];
        for (int r = 0; r < rows; r++)
            for (int t = 0; t < frames; t++) {
                double ar = 0, ai = 0;
                for (int j = 0; j < b.idx()[r].length; j++) {
                    int k = b.idx()[r][j];
                    double dr = d.re()[k * frames + t], di = d.im()[k * frames + t];
                    ar += b.re()[r][j] * dr - b.im()[r][j] * di;
                    ai += b.re()[r][j] * di + b.im()[r][j] * dr;
                }
                ore[r * frames + t] = (float) ar;
                oim[r * frames + t] = (float) ai;
            }
        return new float[][] {ore, oim};
    }

    /** Test hook: the fast and the naive octave product for one basis. */
    static float[][][] compareResponse(float[] y, double sr, double[] freqs, int hop) {
        return compareResponse(y, sr, freqs, hop, 12);
    }

    static float[][][] compareResponse(float[] y, double sr, double[] freqs, int hop, int bpo) {
        double[] alpha = relativeBandwidth(freqs, bpo);
        SparseBasis b = basis(sr, freqs, alpha, 1.0, 0.01, 1.0);
        float[][] re = new float[1][], im = new float[1][];
        response(y, b, hop, PadMode.CONSTANT, re, im, 0);
        return new float[][][] {{re[0], im[0]}, responseNaive(y, b, hop, PadMode.CONSTANT)};
    }
}
