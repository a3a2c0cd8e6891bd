package dev.segue.dsp.spectral;

import dev.segue.dsp.ComplexMatrix;
import dev.segue.dsp.FloatMatrix;
import dev.segue.dsp.Spectra;
import org.jtransforms.fft.DoubleFFT_1D;

import java.util.HashMap;
import java.util.Map;

/**
 * Short-time Fourier transform as librosa 0.11 computes it (float32 frame times float64 window, float64 real FFT,
 * stored as complex64), centre padding by n_fft/2 each side (zeros or numpy reflect). Three implementations:
 * <ul>
 * <li>{@link #stft} / {@link #stftPlanes} with a power-of-two n_fft and the Vector API: {@link FloatBatchFft}, 16
 *     frames per AVX-512 vector in float32 (peak-relative error ~2e-7 against librosa, below its complex64 output's
 *     own rounding budget of 1e-6);</li>
 * <li>{@link #forEachFrame} (float64 per-frame API, and the log-domain features): {@link DoubleBatchFft}, 8 frames
 *     per vector in float64;</li>
 * <li>otherwise (any n_fft, no Vector API) and as the reference of both: one JTransforms float64 FFT per frame.</li>
 * </ul>
 * One call runs on the calling thread: parallelism is over clips, which scales better than over frames.
 */
public final class Stft {
    private Stft() {}

    // FFT plans are cheap to share per thread; JTransforms' own threading is switched off so results never depend on cores.
    private static final ThreadLocal<Map<Integer, DoubleFFT_1D>> PLANS = ThreadLocal.withInitial(HashMap::new);
    static {
        org.jtransforms.utils.CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Integer.MAX_VALUE);
        org.jtransforms.utils.CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Integer.MAX_VALUE);
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    }

    static DoubleFFT_1D plan(int n) { return PLANS.get().computeIfAbsent(n, DoubleFFT_1D::new); }

    /** Visits each frame's spectrum: re/im hold the 1 + n_fft/2 bins (float64, before the complex64 rounding). */
    @FunctionalInterface
    public interface FrameSink { void frame(int t, double[] re, double[] im); }

    /** Runs the STFT of y frame by frame (in frame order). Returns the number of frames. */
    public static int forEachFrame(float[] y, StftParams p, FrameSink sink) {
        int nFft = p.nFft();
        validate(y, p);
        if (batched(p))
            return forEachFrameBatched(y, p, sink);
        return forEachFrameScalar(y, p, sink);
    }

    /** librosa's input checks: finite, non-empty, and at least n_fft samples without centring. */
    static void validate(float[] y, StftParams p) {
        dev.segue.dsp.Signals.requireValid(y, "stft");
        if (!p.center() && y.length < p.nFft())
            throw new IllegalArgumentException("signal of " + y.length + " samples is shorter than n_fft=" + p.nFft() + " with center=False");
    }

    /** Whether the SIMD batched path runs for these parameters (Vector API present, power-of-two n_fft). */
    static boolean batched(StftParams p) {
        return dev.segue.dsp.Kernels.vectorized() && DoubleBatchFft.supports(p.nFft()) && !Boolean.getBoolean("segue.scalarFft");
    }

    /** Reference path: one JTransforms real FFT per frame. */
    static int forEachFrameScalar(float[] y, StftParams p, FrameSink sink) {
        int nFft = p.nFft();
        double[] w = p.window().padded(p.winLength(), nFft);
        int frames = p.frames(y.length);
        int off = p.center() ? nFft / 2 : 0;
        // JTransforms: split-radix for powers of two, Bluestein otherwise
        DoubleFFT_1D fft = plan(nFft);
        int bins = p.bins();
        double[] buf = new double[nFft], re = new double[bins], im = new double[bins];
        // window support only: zero-padded window entries contribute nothing
        int w0 = (nFft - p.winLength()) / 2, w1 = w0 + p.winLength();
        for (int t = 0; t < frames; t++) {
            int start = t * p.hop() - off;
            java.util.Arrays.fill(buf, 0, w0, 0.0);
            java.util.Arrays.fill(buf, w1, nFft, 0.0);
            if (start + w0 >= 0 && start + w1 <= y.length) {
                for (int k = w0; k < w1; k++) buf[k] = y[start + k] * w[k];
            } else {
                for (int k = w0; k < w1; k++) buf[k] = p.padMode().sample(y, start + k) * w[k];
            }
            fft.realForward(buf);
            re[0] = buf[0];
            im[0] = 0;
            int last = (nFft - 1) / 2; // odd n: bins 1..last-1 are (re, im) pairs; even n: bins 1..n/2-1
            int pairs = nFft % 2 == 0 ? nFft / 2 - 1 : last - 1;
            for (int k = 1; k <= pairs; k++) { re[k] = buf[2 * k]; im[k] = buf[2 * k + 1]; }
            if (nFft % 2 == 0) { re[bins - 1] = buf[1]; im[bins - 1] = 0; }
            else if (last >= 1) { re[last] = buf[nFft - 1]; im[last] = buf[1]; }
            sink.frame(t, re, im);
        }
        return frames;
    }

    private static final ThreadLocal<Map<String, DoubleBatchFft>> DBATCH = ThreadLocal.withInitial(HashMap::new);

    static DoubleBatchFft doublePlan(StftParams p) {
        String key = p.nFft() + "/" + p.winLength() + "/" + p.window();
        return DBATCH.get().computeIfAbsent(key, k -> new DoubleBatchFft(p.nFft(), p.window().padded(p.winLength(), p.nFft())));
    }

    /** Receives each transformed batch: frames t0 .. t0 + nb - 1 in lanes 0 .. nb - 1; call one of fft's unpack methods. */
    @FunctionalInterface
    interface BatchSink { void batch(int t0, int nb, DoubleBatchFft fft); }

    /** Fast float64 path: frames go through the FFT L at a time, one per SIMD lane (see {@link DoubleBatchFft}). */
    static int forEachFrameBatched(float[] y, StftParams p, FrameSink sink) {
        int bins = p.bins(), L = DoubleBatchFft.L;
        double[] re = new double[bins], im = new double[bins];
        return forEachBatch(y, p, (t0, nb, fft) -> {
            fft.unpack();
            for (int l = 0; l < nb; l++) {
                for (int k = 0; k < bins; k++) { re[k] = fft.outRe[k * L + l]; im[k] = fft.outIm[k * L + l]; }
                sink.frame(t0 + l, re, im);
            }
        });
    }

    /**
     * The padded signal in a column layout for batches of L frames, one chunk of frames at a time: sample i of frame t
     * (padded position t*hop + i) sits at off[i] + (t - t0) with off[i] = (i % hop) * rows + i / hop, where t0 is the
     * chunk's first frame, so frames t .. t + L - 1 of one sample index are L consecutive values: one vector load
     * instead of a gather. A chunk of {@link #chunkFrames} frames spans rows = chunkFrames + (n_fft - 1) / hop signal
     * rows of hop samples (the last (n_fft - 1) / hop rows are copied again by the next chunk); the buffer (~220 KB) is
     * reused for every chunk and clip on the thread, so it stays in L2 between the copy and the FFT's first pass,
     * instead of streaming a transposed copy of the whole signal (2.6 MB float32, 5.2 MB float64 for 30 s) through
     * memory and having the JVM zero it first. Built in float32 (gathers); for the float64 FFT widened once per chunk
     * (exact), with half the frames per chunk. One instance per thread ({@link #acquire}); fill, then transform.
     */
    static final class Columns {
        /** Target size of one chunk's buffer: L2-resident next to the FFT's 128 KB work array. */
        static final int CHUNK_BYTES = 224 << 10;

        float[] f = new float[0];
        /** The chunk widened to float64 (for the float64 FFT), when filled with widen. */
        double[] d = new double[0];
        int[] off = new int[0];
        int chunkFrames, rows, hop, nFft;
        private boolean busy;

        /** Per-thread buffers, reused across chunks and clips. */
        private static final ThreadLocal<Columns> COLUMNS = ThreadLocal.withInitial(Columns::new);

        /** The thread's buffers, or fresh ones when an STFT runs inside another's sink on the same thread. */
        static Columns acquire() {
            Columns c = COLUMNS.get();
            if (c.busy) return new Columns();
            c.busy = true;
            return c;
        }

        void release() { busy = false; }

        /** Sets the geometry for these parameters (L: frames per batch; widen: also a float64 copy, half the frames). */
        void plan(StftParams p, int L, boolean widen) {
            hop = p.hop();
            nFft = p.nFft();
            int extra = (nFft - 1) / hop;
            int c = (CHUNK_BYTES / ((widen ? 8 : 4) * hop) - extra) / L * L;
            chunkFrames = Math.max(L, c);
            rows = chunkFrames + extra;
            if (off.length < nFft) off = new int[nFft];
            for (int i = 0; i < nFft; i++) off[i] = (i % hop) * rows + i / hop;
            if (f.length < hop * rows) f = new float[hop * rows];
            if (widen && d.length < hop * rows) d = new double[hop * rows];
        }

        /**
         * Fills the columns of frames t0 .. t0 + nf - 1 (rounded up to whole batches of L). total: the signal's frame
         * count (padded positions from (total - 1) * hop + n_fft on read as zeros, as for lanes past the last frame).
         */
        void fill(float[] y, StftParams p, int t0, int nf, int L, int total, boolean widen) {
            int batches = (nf + L - 1) / L;
            int need = batches * L + (nFft - 1) / hop;
            int shift = p.center() ? nFft / 2 : 0;
            int valid = (total - 1) * hop + nFft; // padded positions any real frame reads; beyond: zeros
            fillF(y, p.padMode(), hop, rows, t0, need, shift, valid, f);
            // the float64 copy in one streaming pass (widening loads inside the FFT's first pass made that method too
            // large for JDK 17's C2, which then left all its vector stores as calls)
            if (widen) FloatBatchFft.widen(f, d, hop * rows);
        }

        private static void fillF(float[] y, PadMode pm, int hop, int rows, int t0, int need, int shift, int valid, float[] out) {
            int L = FloatBatchFft.L;
            int[] idx = FloatBatchFft.GATHER_IDX.get();
            for (int l = 0; l < L; l++) idx[l] = l * hop;
            for (int r0 = 0; r0 < need; r0 += L) {
                int r1 = Math.min(need, r0 + L);
                long g0 = (long) (t0 + r0) * hop, g1 = (long) (t0 + r1) * hop; // padded positions of the block
                // blocks of rows inside the signal (all but the edges): one gather of L strided samples per column,
                // stored as one vector (each sample is gathered once, not once per frame that reads it)
                boolean inside = g0 - shift >= 0 && g1 - shift <= y.length && g1 <= valid;
                if (inside && r1 - r0 == L) {
                    FloatBatchFft.gatherRows(y, (int) g0 - shift, hop, out, r0, rows, idx);
                    continue;
                }
                for (int c = 0; c < hop; c++) {
                    int o = c * rows;
                    if (inside) {
                        for (int r = r0, src = (int) g0 + c - shift; r < r1; r++, src += hop) out[o + r] = y[src];
                        continue;
                    }
                    for (int r = r0; r < r1; r++) {
                        int pos = (t0 + r) * hop + c, src = pos - shift;
                        out[o + r] = pos >= valid ? 0f : src >= 0 && src < y.length ? y[src] : pm.sample(y, src);
                    }
                }
            }
        }
    }


    /** Runs the float64 batched STFT ({@link #batched} parameters). Returns the number of frames. */
    static int forEachBatch(float[] y, StftParams p, BatchSink sink) {
        return forEachBatch(y, p, doublePlan(p), sink);
    }

    /** As {@link #forEachBatch(float[], StftParams, BatchSink)} with the given plan (n_fft and window of p). */
    static int forEachBatch(float[] y, StftParams p, DoubleBatchFft fft, BatchSink sink) {
        int frames = p.frames(y.length);
        if (frames == 0) return 0;
        int L = DoubleBatchFft.L;
        Columns x = Columns.acquire();
        try {
            x.plan(p, L, true);
            for (int c0 = 0; c0 < frames; c0 += x.chunkFrames) {
                int nf = Math.min(x.chunkFrames, frames - c0);
                x.fill(y, p, c0, nf, L, frames, true);
                for (int t0 = c0; t0 < c0 + nf; t0 += L) {
                    fft.transform(x.d, x.off, t0 - c0);
                    sink.batch(t0, Math.min(L, frames - t0), fft);
                }
            }
        } finally {
            x.release();
        }
        return frames;
    }

    // ---- float32 batched path (FloatBatchFft): 16 frames per AVX-512 vector, framing and window fused into the FFT ----

    private static final ThreadLocal<Map<String, FloatBatchFft>> FBATCH = ThreadLocal.withInitial(HashMap::new);

    /** Whether the float32 SIMD batched path runs for these parameters (Vector API present, power-of-two n_fft >= 16). */
    static boolean floatBatched(StftParams p) {
        return dev.segue.dsp.Kernels.vectorized() && FloatBatchFft.supports(p.nFft()) && !Boolean.getBoolean("segue.scalarFft");
    }

    static FloatBatchFft floatPlan(StftParams p) {
        String key = p.nFft() + "/" + p.winLength() + "/" + p.window();
        return FBATCH.get().computeIfAbsent(key, k -> new FloatBatchFft(p.nFft(), p.window().padded(p.winLength(), p.nFft())));
    }

    /** Receives each transformed batch: frames t0 .. t0 + nb - 1 in lanes 0 .. nb - 1; call one of fft's unpack methods. */
    @FunctionalInterface
    interface FloatBatchSink { void batch(int t0, int nb, FloatBatchFft fft); }

    /** Runs the float32 batched STFT (validated input, {@link #floatBatched} parameters). Returns the number of frames. */
    static int forEachBatchF(float[] y, StftParams p, FloatBatchSink sink) {
        return forEachBatchF(y, p, floatPlan(p), sink);
    }

    /** As {@link #forEachBatchF(float[], StftParams, FloatBatchSink)} with the given plan (n_fft and window of p). */
    static int forEachBatchF(float[] y, StftParams p, FloatBatchFft fft, FloatBatchSink sink) {
        int frames = p.frames(y.length);
        if (frames == 0) return 0;
        int L = FloatBatchFft.L;
        Columns x = Columns.acquire();
        try {
            x.plan(p, L, false);
            for (int c0 = 0; c0 < frames; c0 += x.chunkFrames) {
                int nf = Math.min(x.chunkFrames, frames - c0);
                x.fill(y, p, c0, nf, L, frames, false);
                for (int t0 = c0; t0 < c0 + nf; t0 += L) {
                    fft.transform(x.f, x.off, t0 - c0);
                    sink.batch(t0, Math.min(L, frames - t0), fft);
                }
            }
        } finally {
            x.release();
        }
        return frames;
    }

    /**
     * Complex STFT as one float32 array [2, bins, frames] (re plane, then im plane): the layout of
     * {@code segue audio features --feature stft}, without a separate copy.
     */
    public static float[] stftPlanes(float[] y, StftParams p) {
        validate(y, p);
        int bins = p.bins(), frames = p.frames(y.length);
        if (!floatBatched(p)) {
            ComplexMatrix c = stft(y, p);
            float[] d = new float[2 * bins * frames];
            System.arraycopy(c.re(), 0, d, 0, c.re().length);
            System.arraycopy(c.im(), 0, d, c.re().length, c.im().length);
            return d;
        }
        float[] d = new float[2 * bins * frames];
        stftIntoPlanes(y, p, d, d, 0, bins * frames);
        return d;
    }

    private static void stftIntoPlanes(float[] y, StftParams p, float[] re, float[] im, int reOff, int imOff) {
        int frames = p.frames(y.length), L = FloatBatchFft.L, bins = p.bins();
        forEachBatchF(y, p, (t0, nb, fft) -> {
            if (nb == L) {
                fft.unpackInto(re, im, reOff + t0, imOff + t0, frames);
            } else {
                fft.unpack();
                for (int k = 0; k < bins; k++)
                    for (int l = 0; l < nb; l++) {
                        re[reOff + k * frames + t0 + l] = fft.outRe[k * L + l];
                        im[imOff + k * frames + t0 + l] = fft.outIm[k * L + l];
                    }
            }
        });
    }

    /** Complex STFT, [1 + n_fft/2, frames] (librosa layout), complex64. */
    public static ComplexMatrix stft(float[] y, StftParams p) {
        int bins = p.bins(), frames = p.frames(y.length);
        if (floatBatched(p)) {
            validate(y, p);
            float[] re = new float[bins * frames], im = new float[bins * frames];
            stftIntoPlanes(y, p, re, im, 0, 0);
            return new ComplexMatrix(bins, frames, re, im);
        }
        // frame-major while transforming (sequential writes), then one blocked transpose per plane to [bins, frames]
        // (measured 2.5x faster than writing short runs per bin straight into [bins, frames]: those touch ~2000 pages
        // per batch and thrash the TLB)
        float[] fre = new float[bins * frames], fim = new float[bins * frames];
        forEachFrame(y, p, (t, re, im) -> {
            int o = t * bins;
            for (int k = 0; k < bins; k++) {
                fre[o + k] = (float) re[k];
                fim[o + k] = (float) im[k];
            }
        });
        return new ComplexMatrix(bins, frames, transpose(fre, frames, bins), transpose(fim, frames, bins));
    }

    /** |STFT|^power, frame-major [frames][bins], from the complex64-rounded spectrum as librosa does. */
    public static float[][] powerFrames(float[] y, StftParams p, double power) {
        int bins = p.bins(), nFft = p.nFft();
        float[][] out = new float[p.frames(y.length)][];
        forEachFrame(y, p, (t, re, im) -> {
            float[] row = new float[bins];
            for (int k = 0; k < bins; k++) row[k] = Spectra.pow(Spectra.abs((float) re[k], (float) im[k]), power);
            out[t] = row;
        });
        return out;
    }

    /** |STFT|^power in librosa's layout [bins, frames]. */
    public static FloatMatrix spectrogram(float[] y, StftParams p, double power) {
        float[][] f = powerFrames(y, p, power);
        int bins = p.bins(), frames = f.length;
        float[] d = new float[bins * frames];
        for (int t = 0; t < frames; t++) System.arraycopy(f[t], 0, d, t * bins, bins);
        return new FloatMatrix(bins, frames, transpose(d, frames, bins));
    }

    /** [rows, cols] -> [cols, rows], in 32x32 tiles. */
    static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r0 = 0; r0 < rows; r0 += 32)
            for (int c0 = 0; c0 < cols; c0 += 32) {
                int r1 = Math.min(rows, r0 + 32), c1 = Math.min(cols, c0 + 32);
                for (int r = r0; r < r1; r++)
                    for (int c = c0; c < c1; c++) t[c * rows + r] = a[r * cols + c];
            }
        return t;
    }

    /** Real part of bin k from JTransforms' packed realForward layout. */
    static double real(double[] s, int k, int n) {
        if (k == 0) return s[0];
        if (n % 2 == 0 && k == n / 2) return s[1];
        return s[2 * k];
    }

    static double imag(double[] s, int k, int n) {
        if (k == 0) return 0;
        if (n % 2 == 0) return k == n / 2 ? 0 : s[2 * k + 1];
        return k == (n - 1) / 2 ? s[1] : s[2 * k + 1];
    }

    /** Inverse STFT (librosa.istft): windowed overlap-add normalised by the summed squared window, centre trimmed. */
    public static float[] istft(ComplexMatrix d, StftParams p, int length) {
        int nFft = p.nFft(), frames = d.cols(), bins = d.rows(), hop = p.hop();
        if (bins != p.bins()) throw new IllegalArgumentException("istft: " + bins + " bins do not match n_fft=" + nFft);
        double[] w = p.window().padded(p.winLength(), nFft);
        int full = nFft + hop * (frames - 1);
        double[] y = new double[full], wss = new double[full];
        DoubleFFT_1D fft = plan(nFft);
        double[] buf = new double[nFft];
        for (int t = 0; t < frames; t++) {
            java.util.Arrays.fill(buf, 0);
            for (int k = 0; k < bins; k++) {
                double re = d.re()[k * frames + t], im = d.im()[k * frames + t];
                if (k == 0) buf[0] = re;
                else if (nFft % 2 == 0 && k == nFft / 2) buf[1] = re;
                else if (nFft % 2 == 1 && k == (nFft - 1) / 2) { buf[nFft - 1] = re; buf[1] = im; }
                else { buf[2 * k] = re; buf[2 * k + 1] = im; }
            }
            fft.realInverse(buf, true);
            for (int k = 0; k < nFft; k++) { y[t * hop + k] += buf[k] * w[k]; wss[t * hop + k] += w[k] * w[k]; }
        }
        int start = p.center() ? nFft / 2 : 0;
        int n = length >= 0 ? length : (p.center() ? full - nFft : full);
        float[] out = new float[Math.max(0, n)];
        double tiny = Float.MIN_NORMAL;
        for (int i = 0; i < out.length; i++) {
            int j = i + start;
            if (j >= full) break;
            out[i] = (float) (wss[j] > tiny ? y[j] / wss[j] : y[j]);
        }
        return out;
    }
}
