package dev.segue.core.cpu;

import dev.segue.core.Tensor;

import static dev.segue.core.cpu.CpuBackend.st;

/**
 * Fused scaled-dot-product attention (the FlashAttention-2 scheme on CPU): per (batch, head) and block
 * of queries, key blocks are streamed through an online softmax, so the [Tq, Tk] score matrix is never
 * materialised beyond one [BR, BC] tile. Every product of a tile (S = Q·Kᵀ, O += P·V; backward dV += Pᵀ·dO,
 * dP = dO·Vᵀ, dK += dSᵀ·Q, dQ += dS·K) is a {@link TileProducts} call reading its operands in place (K and V
 * transposed once per task, so Q·Kᵀ and dO·Vᵀ read rows too), and the exponentials
 * are the vector exp over tile rows. The forward saves only the row log-sum-exp; the backward recomputes
 * the probabilities tile by tile: one pass parallel over key blocks for dK and dV, one parallel over query
 * blocks for dQ, so no two tasks write the same output (deterministic for any thread count: the GEMM is).
 *
 * <p>Layout: q [B, H, Tq, D], k [B, H, Tk, D], v [B, H, Tk, Dv], out [B, H, Tq, Dv], lse [B, H, Tq],
 * all contiguous float32; keyPadding [B, Tk] (nonzero = masked) or null; causal masks key j > i + Tk − Tq.
 * A query row whose keys are all masked outputs 0 and passes no gradient (the composite reference gives
 * NaN there, as PyTorch does).
 */
final class AttentionKernels {
    private AttentionKernels() {}

    /** Query rows and key columns of a tile: a [64, 128] score tile is 32 KiB, in L1/L2 with its operands. */
    static final int BR = 64, BC = 128;

    private record Dims(int b, int h, int tq, int tk, int d, int dv) {}

    /**
     * Dropout on the probabilities: element (b, h, i, j) is kept with the mask of
     * {@link ElementwiseKernels#keep} at its flat index ((b·H + h)·Tq + i)·Tk + j, and scaled by 1/(1 − p).
     */
    record Drop(int lo, int hi, int threshold, float scale) {
        /** null when p = 0 (no dropout). */
        static Drop of(double p, long seed) {
            if (p < 0 || p >= 1) throw new IllegalArgumentException("attention dropout must be in [0, 1), got " + p);
            return p == 0 ? null : new Drop((int) seed, (int) (seed >>> 32), ElementwiseKernels.dropThreshold(p), (float) (1 / (1 - p)));
        }

        /** x[at + j] *= the factor (0 or 1/(1 − p)) of flat index first + j, for j &lt; n: the dropout kernel's loop. */
        void apply(float[] x, int at, int first, int n) {
            ElementwiseKernels.dropoutRange(x, at - first, x, at - first, first, first + n, lo, hi, threshold, scale);
        }

        /** out[at + j] = the factor of flat index first + j, for j &lt; n. */
        void factors(float[] out, int at, int first, int n) {
            ElementwiseKernels.dropoutRange(null, 0, out, at - first, first, first + n, lo, hi, threshold, scale);
        }
    }

    private static Dims dims(Tensor q, Tensor k, Tensor v) {
        int[] qs = q.shape(), ks = k.shape(), vs = v.shape();
        return new Dims(qs[0], qs[1], qs[2], ks[2], qs[3], vs[3]);
    }

    /** Whether key j is hidden from query i of batch b. */
    private static boolean masked(long[] kp, int b, int i, int j, Dims dm, boolean causal) {
        return (causal && j > i + dm.tk - dm.tq) || (kp != null && kp[b * dm.tk + j] != 0);
    }

    /** Whether the tile (rows i0.., keys j0..j1) has any hidden key: only those tiles need the mask pass. */
    private static boolean anyMasked(long[] kp, int b, int i0, int j0, int j1, Dims dm, boolean causal) {
        if (causal && j1 - 1 > i0 + dm.tk - dm.tq) return true;
        if (kp != null) for (int j = j0; j < j1; j++) if (kp[b * dm.tk + j] != 0) return true;
        return false;
    }

    /**
     * S [rows, BC] = scale · Q[i0 …] · K[j0 …]ᵀ for one (batch, head), from kT = Kᵀ of the head [D, ldk]
     * (zero-padded: the columns from cols to the next whole vector are computed too, as 0, and ignored).
     */
    private static void scores(float[] Q, int qBase, int i0, int rows, float[] K, int kBase, float[] kT, int ldk,
                               int j0, int cols, int d, float sc, float[] s) {
        if (kT == null) TileProducts.dotRows(rows, cols, d, sc, Q, qBase + i0 * d, d, K, kBase + j0 * d, d, s, 0, BC);
        else TileProducts.mulAdd(rows, TileProducts.wholeVectors(cols), d, sc, Q, qBase + i0 * d, d, 1, kT, j0, ldk, 0f, s, 0, BC);
    }

    /** Kᵀ (or Vᵀ) of one head: [D, rowLength(T)]; null when its products with it run as dot products. */
    private static float[] headTransposed(float[] x, int base, int t, int d, int slot) {
        if (TileProducts.dotForm(d)) return null;
        float[][] held = TRANSPOSED.get();
        return held[slot] = TileProducts.transposedPadded(x, base, t, d, d, TileProducts.rowLength(t), held[slot]);
    }

    /** Per-thread buffers for Kᵀ (slot 0) and Vᵀ (slot 1), reused from task to task. */
    private static final ThreadLocal<float[][]> TRANSPOSED = ThreadLocal.withInitial(() -> new float[2][]);

    /** P = e^(S − lse_i) in place, 0 at hidden keys and on rows without a visible key (lse = −∞). */
    private static void probabilities(float[] s, int rows, int cols, float[] L, int lseBase, int i0, int j0,
                                      long[] kp, int b, Dims dm, boolean causal) {
        boolean mask = anyMasked(kp, b, i0, j0, j0 + cols, dm, causal);
        for (int r = 0; r < rows; r++) {
            float lse = L[lseBase + i0 + r];
            int o = r * BC;
            if (lse == Float.NEGATIVE_INFINITY) { java.util.Arrays.fill(s, o, o + cols, 0f); continue; }
            if (mask) for (int j = 0; j < cols; j++) if (masked(kp, b, i0 + r, j0 + j, dm, causal)) s[o + j] = Float.NEGATIVE_INFINITY;
            RowKernels.expShifted(s, o, lse, cols, BC);
        }
    }

    static void forward(Tensor q, Tensor k, Tensor v, boolean causal, Tensor keyPadding, double scale, Drop drop, Tensor out, Tensor lse) {
        Dims dm = dims(q, k, v);
        float[] Q = st(q).f, K = st(k).f, V = st(v).f, O = st(out).f, L = st(lse).f;
        int qo = q.offset(), ko = k.offset(), vo = v.offset(), oo = out.offset(), lo = lse.offset();
        long[] kp = keyPadding == null ? null : keyPadding.toLongArray();
        float sc = (float) scale;
        int qBlocks = (dm.tq + BR - 1) / BR;
        Parallel.forEach(dm.b * dm.h * qBlocks, task -> {
            int bh = task / qBlocks, i0 = (task % qBlocks) * BR, i1 = Math.min(dm.tq, i0 + BR), rows = i1 - i0;
            int b = bh / dm.h;
            int qBase = qo + bh * dm.tq * dm.d, kBase = ko + bh * dm.tk * dm.d, vBase = vo + bh * dm.tk * dm.dv;
            float[] s = new float[rows * BC];
            float[] kT = headTransposed(K, kBase, dm.tk, dm.d, 0);
            int ldk = TileProducts.rowLength(dm.tk);
            float[] acc = new float[rows * dm.dv];        // unnormalised output rows
            float[] m = new float[rows], l = new float[rows];
            java.util.Arrays.fill(m, Float.NEGATIVE_INFINITY);
            for (int j0 = 0; j0 < dm.tk; j0 += BC) {
                int j1 = Math.min(dm.tk, j0 + BC), cols = j1 - j0;
                if (causal && j0 > i1 - 1 + dm.tk - dm.tq) break;   // every later key is in the future
                scores(Q, qBase, i0, rows, K, kBase, kT, ldk, j0, cols, dm.d, sc, s);
                boolean mask = anyMasked(kp, b, i0, j0, j1, dm, causal);
                for (int r = 0; r < rows; r++) {
                    int o = r * BC, i = i0 + r;
                    if (mask) for (int j = 0; j < cols; j++) if (masked(kp, b, i, j0 + j, dm, causal)) s[o + j] = Float.NEGATIVE_INFINITY;
                    float mx = m[r];
                    for (int j = 0; j < cols; j++) if (s[o + j] > mx) mx = s[o + j];
                    if (mx == Float.NEGATIVE_INFINITY) { java.util.Arrays.fill(s, o, o + cols, 0f); continue; }   // nothing visible yet
                    float corr = (float) Math.exp(m[r] - mx);                // 0 when m[r] = −∞
                    RowKernels.expShifted(s, o, mx, cols, BC);
                    float sum = 0;
                    for (int j = 0; j < cols; j++) sum += s[o + j];
                    l[r] = l[r] * corr + sum;
                    m[r] = mx;
                    if (drop != null) drop.apply(s, o, (bh * dm.tq + i) * dm.tk + j0, cols);
                    if (corr != 1f) for (int e = 0, ar = r * dm.dv; e < dm.dv; e++) acc[ar + e] *= corr;
                }
                // acc [rows, Dv] += P [rows, cols] · V[j0 …] [cols, Dv]
                TileProducts.mulAdd(rows, dm.dv, cols, 1f, s, 0, BC, 1, V, vBase + j0 * dm.dv, dm.dv, 1f, acc, 0, dm.dv);
            }
            for (int r = 0; r < rows; r++) {
                int i = i0 + r, orow = oo + (bh * dm.tq + i) * dm.dv;
                if (l[r] == 0f) {
                    java.util.Arrays.fill(O, orow, orow + dm.dv, 0f);
                    L[lo + bh * dm.tq + i] = Float.NEGATIVE_INFINITY;
                    continue;
                }
                float inv = 1f / l[r];
                for (int e = 0; e < dm.dv; e++) O[orow + e] = acc[r * dm.dv + e] * inv;
                L[lo + bh * dm.tq + i] = m[r] + (float) Math.log(l[r]);
            }
        });
    }

    static void backward(Tensor q, Tensor k, Tensor v, Tensor out, Tensor lse, Tensor gOut, boolean causal, Tensor keyPadding,
                         double scale, Drop drop, Tensor gq, Tensor gk, Tensor gv) {
        Dims dm = dims(q, k, v);
        float[] Q = st(q).f, K = st(k).f, V = st(v).f, O = st(out).f, L = st(lse).f, dO = st(gOut).f;
        float[] dQ = st(gq).f, dK = st(gk).f, dV = st(gv).f;
        int qo = q.offset(), ko = k.offset(), vo = v.offset(), oo = out.offset(), lo = lse.offset(), go = gOut.offset();
        long[] kp = keyPadding == null ? null : keyPadding.toLongArray();
        float sc = (float) scale;
        // Δ_i = Σ_e dO_ie · O_ie (the row term of the softmax backward)
        float[] delta = new float[dm.b * dm.h * dm.tq];
        Parallel.forRange(delta.length, 256, (r0, r1) -> {
            for (int row = r0; row < r1; row++) delta[row] = (float) RowKernels.dot(dO, go + row * dm.dv, O, oo + row * dm.dv, dm.dv);
        });
        if (dm.b * dm.h >= SINGLE_PASS_MIN_HEADS && !forceTwoPass) {
            backwardPerHead(Q, K, V, dO, L, delta, dQ, dK, dV, qo, ko, vo, go, lo, gq.offset(), gk.offset(), gv.offset(),
                    dm, sc, kp, causal, drop);
            return;
        }
        // pass 1: dK, dV — each task owns one key block of one (b, h)
        int kBlocks = (dm.tk + BC - 1) / BC;
        Parallel.forEach(dm.b * dm.h * kBlocks, task -> {
            int bh = task / kBlocks, j0 = (task % kBlocks) * BC, j1 = Math.min(dm.tk, j0 + BC), cols = j1 - j0;
            int b = bh / dm.h;
            int qBase = qo + bh * dm.tq * dm.d, kBase = ko + bh * dm.tk * dm.d, vBase = vo + bh * dm.tk * dm.dv;
            int oBase = go + bh * dm.tq * dm.dv, lseBase = lo + bh * dm.tq;
            int maxRows = Math.min(BR, dm.tq);
            float[] p = new float[maxRows * BC], ds = new float[maxRows * BC];
            float[] dk = new float[cols * dm.d], dv = new float[cols * dm.dv];
            float[] kT = headTransposed(K, kBase, dm.tk, dm.d, 0), vT = headTransposed(V, vBase, dm.tk, dm.dv, 1);
            for (int i0 = 0; i0 < dm.tq; i0 += BR) {
                int i1 = Math.min(dm.tq, i0 + BR), rows = i1 - i0;
                if (causal && j0 > i1 - 1 + dm.tk - dm.tq) continue;       // the whole block sees none of these keys
                tileGradient(Q, qBase, K, kBase, kT, V, vBase, vT, dO, oBase, L, lseBase, delta, bh * dm.tq, i0, rows, j0, cols,
                        dm, sc, kp, b, causal, drop, p, ds);
                // dV [cols, Dv] += Pᵀ · dO[i0 …];  dK [cols, D] += dSᵀ · Q[i0 …]
                TileProducts.mulAdd(cols, dm.dv, rows, 1f, p, 0, 1, BC, dO, oBase + i0 * dm.dv, dm.dv, 1f, dv, 0, dm.dv);
                TileProducts.mulAdd(cols, dm.d, rows, 1f, ds, 0, 1, BC, Q, qBase + i0 * dm.d, dm.d, 1f, dk, 0, dm.d);
            }
            System.arraycopy(dk, 0, dK, gk.offset() + (bh * dm.tk + j0) * dm.d, cols * dm.d);
            System.arraycopy(dv, 0, dV, gv.offset() + (bh * dm.tk + j0) * dm.dv, cols * dm.dv);
        });
        // pass 2: dQ — each task owns one query block of one (b, h)
        int qBlocks = (dm.tq + BR - 1) / BR;
        Parallel.forEach(dm.b * dm.h * qBlocks, task -> {
            int bh = task / qBlocks, i0 = (task % qBlocks) * BR, i1 = Math.min(dm.tq, i0 + BR), rows = i1 - i0;
            int b = bh / dm.h;
            int qBase = qo + bh * dm.tq * dm.d, kBase = ko + bh * dm.tk * dm.d, vBase = vo + bh * dm.tk * dm.dv;
            int oBase = go + bh * dm.tq * dm.dv, lseBase = lo + bh * dm.tq;
            float[] p = new float[rows * BC], ds = new float[rows * BC];
            float[] dq = new float[rows * dm.d];
            float[] kT = headTransposed(K, kBase, dm.tk, dm.d, 0), vT = headTransposed(V, vBase, dm.tk, dm.dv, 1);
            for (int j0 = 0; j0 < dm.tk; j0 += BC) {
                int j1 = Math.min(dm.tk, j0 + BC), cols = j1 - j0;
                if (causal && j0 > i1 - 1 + dm.tk - dm.tq) break;
                tileGradient(Q, qBase, K, kBase, kT, V, vBase, vT, dO, oBase, L, lseBase, delta, bh * dm.tq, i0, rows, j0, cols,
                        dm, sc, kp, b, causal, drop, p, ds);
                // dQ [rows, D] += dS · K[j0 …]
                TileProducts.mulAdd(rows, dm.d, cols, 1f, ds, 0, BC, 1, K, kBase + j0 * dm.d, dm.d, 1f, dq, 0, dm.d);
            }
            System.arraycopy(dq, 0, dQ, gq.offset() + (bh * dm.tq + i0) * dm.d, rows * dm.d);
        });
    }

    /** From this many (batch, head) pairs on, the backward runs one task per head ({@link #backwardPerHead}). */
    static final int SINGLE_PASS_MIN_HEADS = 16;
    /** Tests: take the two-pass backward whatever the shape (both give the same bits). */
    static boolean forceTwoPass;

    /**
     * The backward with one task per (batch, head), which owns all of that head's dQ, dK and dV: each tile's
     * probabilities and score gradient are computed once and feed all three products, where the two-pass
     * scheme (parallel over key blocks, then over query blocks) computes them twice — for short sequences
     * the recomputation was a third of the work. Tiles go query block by query block, key blocks inside,
     * so dK and dV sum their query blocks, and dQ its key blocks, in the same order as the two-pass scheme:
     * the results are the same bits. Needs enough heads to keep the threads busy.
     */
    private static void backwardPerHead(float[] Q, float[] K, float[] V, float[] dO, float[] L, float[] delta,
                                        float[] dQ, float[] dK, float[] dV, int qo, int ko, int vo, int go, int lo,
                                        int gqo, int gko, int gvo, Dims dm, float sc, long[] kp, boolean causal, Drop drop) {
        Parallel.forEach(dm.b * dm.h, bh -> {
            int b = bh / dm.h;
            int qBase = qo + bh * dm.tq * dm.d, kBase = ko + bh * dm.tk * dm.d, vBase = vo + bh * dm.tk * dm.dv;
            int oBase = go + bh * dm.tq * dm.dv, lseBase = lo + bh * dm.tq;
            int maxRows = Math.min(BR, dm.tq);
            float[] p = new float[maxRows * BC], ds = new float[maxRows * BC];
            float[] dq = new float[maxRows * dm.d], dk = new float[dm.tk * dm.d], dv = new float[dm.tk * dm.dv];
            float[] kT = headTransposed(K, kBase, dm.tk, dm.d, 0), vT = headTransposed(V, vBase, dm.tk, dm.dv, 1);
            for (int i0 = 0; i0 < dm.tq; i0 += BR) {
                int i1 = Math.min(dm.tq, i0 + BR), rows = i1 - i0;
                java.util.Arrays.fill(dq, 0f);
                for (int j0 = 0; j0 < dm.tk; j0 += BC) {
                    int j1 = Math.min(dm.tk, j0 + BC), cols = j1 - j0;
                    if (causal && j0 > i1 - 1 + dm.tk - dm.tq) break;   // every later key is in the future
                    tileGradient(Q, qBase, K, kBase, kT, V, vBase, vT, dO, oBase, L, lseBase, delta, bh * dm.tq, i0, rows, j0, cols,
                            dm, sc, kp, b, causal, drop, p, ds);
                    // dV [cols, Dv] += Pᵀ · dO[i0 …];  dK [cols, D] += dSᵀ · Q[i0 …];  dQ [rows, D] += dS · K[j0 …]
                    TileProducts.mulAdd(cols, dm.dv, rows, 1f, p, 0, 1, BC, dO, oBase + i0 * dm.dv, dm.dv, 1f, dv, j0 * dm.dv, dm.dv);
                    TileProducts.mulAdd(cols, dm.d, rows, 1f, ds, 0, 1, BC, Q, qBase + i0 * dm.d, dm.d, 1f, dk, j0 * dm.d, dm.d);
                    TileProducts.mulAdd(rows, dm.d, cols, 1f, ds, 0, BC, 1, K, kBase + j0 * dm.d, dm.d, 1f, dq, 0, dm.d);
                }
                System.arraycopy(dq, 0, dQ, gqo + (bh * dm.tq + i0) * dm.d, rows * dm.d);
            }
            System.arraycopy(dk, 0, dK, gko + bh * dm.tk * dm.d, dm.tk * dm.d);
            System.arraycopy(dv, 0, dV, gvo + bh * dm.tk * dm.dv, dm.tk * dm.dv);
        });
    }

    /**
     * For one tile: p = the probabilities, ds = p ∘ (dO·Vᵀ − Δ)·scale, the gradient of the scores (already
     * scaled for q and k), both [rows, BC]. With dropout, dO·Vᵀ is the gradient of the dropped probabilities
     * (times the mask factor first) and p is returned dropped, as dV = pᵀ·dO needs it.
     */
    private static void tileGradient(float[] Q, int qBase, float[] K, int kBase, float[] kT, float[] V, int vBase, float[] vT,
                                     float[] dO, int oBase,
                                     float[] L, int lseBase, float[] delta, int deltaBase, int i0, int rows, int j0, int cols,
                                     Dims dm, float sc, long[] kp, int b, boolean causal, Drop drop, float[] p, float[] ds) {
        int ld = TileProducts.rowLength(dm.tk);
        scores(Q, qBase, i0, rows, K, kBase, kT, ld, j0, cols, dm.d, sc, p);
        probabilities(p, rows, cols, L, lseBase, i0, j0, kp, b, dm, causal);
        // dP [rows, cols] = dO[i0 …] · V[j0 …]ᵀ
        if (vT == null) TileProducts.dotRows(rows, cols, dm.dv, 1f, dO, oBase + i0 * dm.dv, dm.dv, V, vBase + j0 * dm.dv, dm.dv, ds, 0, BC);
        else TileProducts.mulAdd(rows, TileProducts.wholeVectors(cols), dm.dv, 1f, dO, oBase + i0 * dm.dv, dm.dv, 1, vT, j0, ld, 0f, ds, 0, BC);
        float[] f = null;                                // the dropout factors of one row
        for (int r = 0; r < rows; r++) {
            float dlt = delta[deltaBase + i0 + r];
            if (drop == null) {
                for (int j = 0, o = r * BC; j < cols; j++, o++) ds[o] = p[o] * (ds[o] - dlt) * sc;
            } else {   // ds came from dropped probabilities: dP = ds·mask; dV needs the dropped probabilities
                if (f == null) f = new float[cols];
                drop.factors(f, 0, (deltaBase + i0 + r) * dm.tk + j0, cols);
                for (int j = 0, o = r * BC; j < cols; j++, o++) {
                    ds[o] = p[o] * (ds[o] * f[j] - dlt) * sc;
                    p[o] *= f[j];
                }
            }
        }
    }
}
