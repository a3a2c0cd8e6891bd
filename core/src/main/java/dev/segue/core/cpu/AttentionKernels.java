package dev.segue.core.cpu;

import dev.segue.core.Tensor;

import static dev.segue.core.cpu.CpuBackend.st;

/**
 * Fused scaled-dot-product attention (the FlashAttention-2 scheme on CPU): per (batch, head) and block
 * of queries, key blocks are streamed through an online softmax, so the [Tq, Tk] score matrix is never
 * materialised beyond one [BR, BC] tile. The forward saves only the row log-sum-exp; the backward
 * recomputes probabilities tile by tile: one pass parallel over key blocks for dK and dV, one parallel
 * over query blocks for dQ, so no two tasks write the same output (deterministic for any thread count).
 * Every inner loop is an axpy over a contiguous row (K and V tiles are packed transposed where a dot
 * product would be needed), which the JIT vectorises.
 *
 * <p>Layout: q [B, H, Tq, D], k [B, H, Tk, D], v [B, H, Tk, Dv], out [B, H, Tq, Dv], lse [B, H, Tq],
 * all contiguous float32; keyPadding [B, Tk] (nonzero = masked) or null; causal masks key j > i + Tk − Tq.
 * A query row whose keys are all masked outputs 0 and passes no gradient (the composite reference gives
 * NaN there, as PyTorch does).
 */
final class AttentionKernels {
    private AttentionKernels() {}

    static final int BR = 32, BC = 64;

    private record Dims(int b, int h, int tq, int tk, int d, int dv) {}

    private static Dims dims(Tensor q, Tensor k, Tensor v) {
        int[] qs = q.shape(), ks = k.shape(), vs = v.shape();
        return new Dims(qs[0], qs[1], qs[2], ks[2], qs[3], vs[3]);
    }

    /** Mask row: masked[j] for query i of batch b. */
    private static void maskRow(boolean[] masked, long[] kp, int b, int i, int j0, int j1, Dims dm, boolean causal) {
        for (int j = j0; j < j1; j++)
            masked[j - j0] = (causal && j > i + dm.tk - dm.tq) || (kp != null && kp[b * dm.tk + j] != 0);
    }

    static void forward(Tensor q, Tensor k, Tensor v, boolean causal, Tensor keyPadding, double scale, Tensor out, Tensor lse) {
        Dims dm = dims(q, k, v);
        float[] Q = st(q).f, K = st(k).f, V = st(v).f, O = st(out).f, L = st(lse).f;
        int qo = q.offset(), ko = k.offset(), vo = v.offset(), oo = out.offset(), lo = lse.offset();
        long[] kp = keyPadding == null ? null : keyPadding.toLongArray();
        float sc = (float) scale;
        int qBlocks = (dm.tq + BR - 1) / BR;
        Parallel.forEach(dm.b * dm.h * qBlocks, task -> {
            int bh = task / qBlocks, i0 = (task % qBlocks) * BR, i1 = Math.min(dm.tq, i0 + BR);
            int b = bh / dm.h;
            int qBase = qo + bh * dm.tq * dm.d, kBase = ko + bh * dm.tk * dm.d, vBase = vo + bh * dm.tk * dm.dv;
            int rows = i1 - i0;
            float[] kT = new float[dm.d * BC];          // K tile transposed: [D, BC]
            float[] s = new float[BC];
            boolean[] masked = new boolean[BC];
            float[] acc = new float[rows * dm.dv];       // unnormalised output rows
            float[] m = new float[rows], l = new float[rows];
            java.util.Arrays.fill(m, Float.NEGATIVE_INFINITY);
            for (int j0 = 0; j0 < dm.tk; j0 += BC) {
                int j1 = Math.min(dm.tk, j0 + BC), cols = j1 - j0;
                if (causal && j0 > i1 - 1 + dm.tk - dm.tq) break;   // every later key is in the future
                packTransposed(K, kBase, j0, cols, dm.d, kT);
                for (int r = 0; r < rows; r++) {
                    int i = i0 + r;
                    java.util.Arrays.fill(s, 0, cols, 0f);
                    int qr = qBase + i * dm.d;
                    for (int dd = 0; dd < dm.d; dd++) {
                        float qv = Q[qr + dd];
                        int kr = dd * BC;
                        for (int j = 0; j < cols; j++) s[j] += qv * kT[kr + j];
                    }
                    maskRow(masked, kp, b, i, j0, j1, dm, causal);
                    float mx = m[r];
                    for (int j = 0; j < cols; j++) {
                        s[j] = masked[j] ? Float.NEGATIVE_INFINITY : s[j] * sc;
                        if (s[j] > mx) mx = s[j];
                    }
                    if (mx == Float.NEGATIVE_INFINITY) continue;             // nothing visible yet
                    float corr = (float) Math.exp(m[r] - mx);                // 0 when m[r] = -inf
                    float sum = 0;
                    for (int j = 0; j < cols; j++) { float p = (float) Math.exp(s[j] - mx); s[j] = p; sum += p; }
                    l[r] = l[r] * corr + sum;
                    m[r] = mx;
                    int ar = r * dm.dv;
                    if (corr != 1f) for (int e = 0; e < dm.dv; e++) acc[ar + e] *= corr;
                    for (int j = 0; j < cols; j++) {
                        float p = s[j];
                        if (p == 0f) continue;
                        int vr = vBase + (j0 + j) * dm.dv;
                        for (int e = 0; e < dm.dv; e++) acc[ar + e] += p * V[vr + e];
                    }
                }
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
                         double scale, Tensor gq, Tensor gk, Tensor gv) {
        Dims dm = dims(q, k, v);
        float[] Q = st(q).f, K = st(k).f, V = st(v).f, O = st(out).f, L = st(lse).f, dO = st(gOut).f;
        float[] dQ = st(gq).f, dK = st(gk).f, dV = st(gv).f;
        int qo = q.offset(), ko = k.offset(), vo = v.offset(), oo = out.offset(), lo = lse.offset(), go = gOut.offset();
        long[] kp = keyPadding == null ? null : keyPadding.toLongArray();
        float sc = (float) scale;
        // Δ_i = Σ_e dO_ie · O_ie (the row term of the softmax backward)
        float[] delta = new float[dm.b * dm.h * dm.tq];
        for (int row = 0; row < delta.length; row++) {
            float s = 0;
            int base = row * dm.dv;
            for (int e = 0; e < dm.dv; e++) s += dO[go + base + e] * O[oo + base + e];
            delta[row] = s;
        }
        // pass 1: dK, dV — each task owns one key block of one (b, h)
        int kBlocks = (dm.tk + BC - 1) / BC;
        Parallel.forEach(dm.b * dm.h * kBlocks, task -> {
            int bh = task / kBlocks, j0 = (task % kBlocks) * BC, j1 = Math.min(dm.tk, j0 + BC), cols = j1 - j0;
            int b = bh / dm.h;
            int qBase = qo + bh * dm.tq * dm.d, kBase = ko + bh * dm.tk * dm.d, vBase = vo + bh * dm.tk * dm.dv;
            float[] kT = new float[dm.d * BC], vT = new float[dm.dv * BC];
            packTransposed(K, kBase, j0, cols, dm.d, kT);
            packTransposed(V, vBase, j0, cols, dm.dv, vT);
            float[] dk = new float[cols * dm.d], dv = new float[cols * dm.dv];
            float[] p = new float[BC], ds = new float[BC];
            boolean[] masked = new boolean[BC];
            for (int i = 0; i < dm.tq; i++) {
                if (causal && j0 > i + dm.tk - dm.tq) continue;
                float li = L[lo + bh * dm.tq + i];
                if (li == Float.NEGATIVE_INFINITY) continue;
                int dor = go + (bh * dm.tq + i) * dm.dv;
                rowGradient(Q, qBase + i * dm.d, kT, vT, dO, dor, cols, dm, sc, li, delta[bh * dm.tq + i], masked, kp, b, i, j0, j1, causal, p, ds);
                int qr = qBase + i * dm.d;
                for (int j = 0; j < cols; j++) {
                    float pj = p[j], dsj = ds[j];
                    if (pj != 0f) { int r = j * dm.dv; for (int e = 0; e < dm.dv; e++) dv[r + e] += pj * dO[dor + e]; }
                    if (dsj != 0f) { int r = j * dm.d; for (int dd = 0; dd < dm.d; dd++) dk[r + dd] += dsj * Q[qr + dd]; }
                }
            }
            System.arraycopy(dk, 0, dK, gk.offset() + (bh * dm.tk + j0) * dm.d, cols * dm.d);
            System.arraycopy(dv, 0, dV, gv.offset() + (bh * dm.tk + j0) * dm.dv, cols * dm.dv);
        });
        // pass 2: dQ — each task owns one query block of one (b, h)
        int qBlocks = (dm.tq + BR - 1) / BR;
        Parallel.forEach(dm.b * dm.h * qBlocks, task -> {
            int bh = task / qBlocks, i0 = (task % qBlocks) * BR, i1 = Math.min(dm.tq, i0 + BR);
            int b = bh / dm.h;
            int qBase = qo + bh * dm.tq * dm.d, kBase = ko + bh * dm.tk * dm.d, vBase = vo + bh * dm.tk * dm.dv;
            float[] kT = new float[dm.d * BC], vT = new float[dm.dv * BC];
            float[] p = new float[BC], ds = new float[BC];
            boolean[] masked = new boolean[BC];
            float[] dq = new float[(i1 - i0) * dm.d];
            for (int j0 = 0; j0 < dm.tk; j0 += BC) {
                int j1 = Math.min(dm.tk, j0 + BC), cols = j1 - j0;
                if (causal && j0 > i1 - 1 + dm.tk - dm.tq) break;
                packTransposed(K, kBase, j0, cols, dm.d, kT);
                packTransposed(V, vBase, j0, cols, dm.dv, vT);
                for (int i = i0; i < i1; i++) {
                    float li = L[lo + bh * dm.tq + i];
                    if (li == Float.NEGATIVE_INFINITY) continue;
                    int dor = go + (bh * dm.tq + i) * dm.dv;
                    rowGradient(Q, qBase + i * dm.d, kT, vT, dO, dor, cols, dm, sc, li, delta[bh * dm.tq + i], masked, kp, b, i, j0, j1, causal, p, ds);
                    int r = (i - i0) * dm.d;
                    for (int j = 0; j < cols; j++) {
                        float dsj = ds[j];
                        if (dsj == 0f) continue;
                        int kr = kBase + (j0 + j) * dm.d;
                        for (int dd = 0; dd < dm.d; dd++) dq[r + dd] += dsj * K[kr + dd];
                    }
                }
            }
            System.arraycopy(dq, 0, dQ, gq.offset() + (bh * dm.tq + i0) * dm.d, (i1 - i0) * dm.d);
        });
    }

    /** dst[c·BC + j] = src[base + (j0 + j)·width + c]: a tile of rows packed transposed. */
    private static void packTransposed(float[] src, int base, int j0, int cols, int width, float[] dst) {
        for (int j = 0; j < cols; j++) {
            int row = base + (j0 + j) * width;
            for (int c = 0; c < width; c++) dst[c * BC + j] = src[row + c];
        }
    }

    /**
     * For query row i against one key tile: p_j (the probabilities) and ds_j = p_j (dO_i·v_j − Δ_i)·scale,
     * the gradient of the scores (already scaled for q and k).
     */
    private static void rowGradient(float[] Q, int qr, float[] kT, float[] vT, float[] dO, int dor, int cols, Dims dm, float sc,
                                    float lse, float delta, boolean[] masked, long[] kp, int b, int i, int j0, int j1,
                                    boolean causal, float[] p, float[] ds) {
        probabilities(Q, qr, kT, cols, dm.d, sc, lse, masked, kp, b, i, j0, j1, dm, causal, p);
        java.util.Arrays.fill(ds, 0, cols, 0f);
        for (int e = 0; e < dm.dv; e++) {
            float g = dO[dor + e];
            int vr = e * BC;
            for (int j = 0; j < cols; j++) ds[j] += g * vT[vr + j];
        }
        for (int j = 0; j < cols; j++) ds[j] = p[j] * (ds[j] - delta) * sc;
    }

    /** p_j = exp(q·k_j·scale − lse_i) for the keys of one tile (0 where masked). */
    private static void probabilities(float[] Q, int qr, float[] kT, int cols, int d, float sc, float lse, boolean[] masked,
                                      long[] kp, int b, int i, int j0, int j1, Dims dm, boolean causal, float[] p) {
        java.util.Arrays.fill(p, 0, cols, 0f);
        for (int dd = 0; dd < d; dd++) {
            float qv = Q[qr + dd];
            int kr = dd * BC;
            for (int j = 0; j < cols; j++) p[j] += qv * kT[kr + j];
        }
        maskRow(masked, kp, b, i, j0, j1, dm, causal);
        for (int j = 0; j < cols; j++) p[j] = masked[j] ? 0f : (float) Math.exp(p[j] * sc - lse);
    }
}
