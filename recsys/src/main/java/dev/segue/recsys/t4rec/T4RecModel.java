package dev.segue.recsys.t4rec;

import dev.segue.core.Rng;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.nn.Init;
import dev.segue.nn.Module;
import dev.segue.nn.attention.XLNetStack;
import dev.segue.nn.layers.Activation;
import dev.segue.nn.layers.Embedding;
import dev.segue.nn.layers.Linear;

import java.util.Map;

/**
 * The Transformers4Rec-style next-item model: item ids [B, T] (right-padded, 0 = padding) → item table
 * [V, e] → (Linear e→d + ReLU when e ≠ d) → [MASK] vector at masked positions → XLNet stack (content
 * stream, relative positions) → (Linear d→e when e ≠ d; with late fusion instead Linear(d + a → e) over
 * the hidden state concatenated with the session's mean audio vector) → logits h·Wᵀ + b over the whole
 * catalogue with the item table W tied → cross-entropy over the masked positions only.
 *
 * <p>Like Transformers4Rec's {@code nn.Embedding} the table has no padding_idx: row 0 is drawn like the
 * others and padding positions read (and train) it, as they also enter attention.
 *
 * <p>Parameter names: {@code item_embedding.weight}, {@code projection.*}, {@code masked_embedding},
 * {@code transformer.layer.{i}.*} (HF XLNet names), {@code output_projection.*} / {@code late_fusion.*},
 * {@code output_bias}; the frozen audio table of late fusion is the buffer {@code audio_table}.
 */
public final class T4RecModel extends Module {
    private final T4RecConfig cfg;
    private final int vocab;
    private final Embedding items;
    private final Linear projection, outputProjection, fusion;
    private final Tensor maskVector, outputBias;
    private final XLNetStack transformer;

    /**
     * @param vocab      V, items + 1 (row 0 = padding)
     * @param pretrained [V, e] initial item table, or null for N(0, embeddingStd²)
     * @param audioTable [V, a] audio vectors for late fusion, or null
     * @param rng        draws the initial weights and afterwards every dropout mask
     */
    public T4RecModel(T4RecConfig cfg, int vocab, Tensor pretrained, Tensor audioTable, Rng rng) {
        this.cfg = cfg;
        this.vocab = vocab;
        int e = cfg.embeddingDim(), d = cfg.dModel();
        if (pretrained != null && !Shape.equal(pretrained.shape(), new int[]{vocab, e}))
            throw new IllegalArgumentException("pretrained item table is " + Shape.str(pretrained.shape()) + ", expected [" + vocab + ", " + e + "]");
        if (pretrained != null) {
            items = registerModule("item_embedding", Embedding.fromPretrained(pretrained, cfg.frozen(), -1));
        } else {
            items = registerModule("item_embedding", new Embedding(vocab, e, -1, rng));
            Init.normal(items.weight().detach(), 0, cfg.embeddingStd(), rng);
            if (cfg.frozen()) items.weight().requiresGrad(false);
        }
        projection = e != d ? registerModule("projection", new Linear(e, d, true, rng)) : null;
        maskVector = registerParameter("masked_embedding", Init.normal(Tensor.zeros(d), 0, cfg.maskInitStd(), rng));
        transformer = registerModule("transformer", new XLNetStack(cfg.nLayer(), d, cfg.nHead(), d / cfg.nHead(), cfg.dInner(),
                Activation.GELU, cfg.lnEps(), cfg.dropout(), rng));
        reinitTransformer(cfg.initStd(), rng);
        if (cfg.lateFusion()) {
            if (audioTable == null || !Shape.equal(audioTable.shape(), new int[]{vocab, cfg.audioDim()}))
                throw new IllegalArgumentException("late fusion needs an audio table [" + vocab + ", " + cfg.audioDim() + "], got "
                        + (audioTable == null ? "none" : Shape.str(audioTable.shape())));
            fusion = registerModule("late_fusion", new Linear(d + cfg.audioDim(), e, true, rng));
            outputProjection = null;
            registerBuffer("audio_table", audioTable.detach().copy());   // own copy: loading a checkpoint writes into it
        } else {
            fusion = null;
            outputProjection = e != d ? registerModule("output_projection", new Linear(d, e, true, rng)) : null;
        }
        outputBias = cfg.outputBias() ? registerParameter("output_bias", Tensor.zeros(vocab)) : null;
    }

    /**
     * HF XLNetPreTrainedModel._init_weights with initializer_range = initStd: attention tensors (q, k, v,
     * o, r, r_r_bias, r_w_bias) and FFN weights N(0, std²), FFN biases 0, LayerNorm 1/0.
     */
    private void reinitTransformer(double std, Rng rng) {
        for (Map.Entry<String, Tensor> p : transformer.namedParameters().entrySet()) {
            String n = p.getKey();
            Tensor t = p.getValue().detach();
            if (n.endsWith("layer_norm.weight")) Init.ones(t);
            else if (n.endsWith(".bias")) Init.zeros(t);
            else Init.normal(t, 0, std, rng);
        }
    }

    public T4RecConfig config() { return cfg; }
    public int vocab() { return vocab; }
    public Tensor itemTable() { return items.weight(); }

    /** ids [B, T] row-major, mask [B, T] (true = replaced by [MASK]) → hidden states [B, T, e] for the logits. */
    public Tensor encode(int[] ids, boolean[] mask, int b) {
        int t = ids.length / b, d = cfg.dModel();
        if (ids.length != b * t || mask.length != ids.length)
            throw new IllegalArgumentException("ids " + ids.length + " / mask " + mask.length + " entries for batch " + b);
        for (int i = 0; i < ids.length; i++)
            if (ids[i] < 0 || ids[i] >= vocab) throw new IllegalArgumentException("item id " + ids[i] + " at batch row " + i / t + " is outside [0, " + vocab + ")");
        Tensor x = items.forward(Tensor.ofInts(ids, b, t).to(dev.segue.core.DType.I64));     // [B, T, e]
        if (projection != null) x = projection.forward(x).relu();                          // [B, T, d]
        float[] keep = new float[b * t], put = new float[b * t];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = mask[i] ? 0f : 1f;
            put[i] = mask[i] ? 1f : 0f;
        }
        // masked positions: x·0 + [MASK]·1 (same values as torch.where, and the [MASK] gradient sums over them)
        x = x.mul(Tensor.of(keep, b, t, 1)).add(Tensor.of(put, b, t, 1).mul(maskVector.reshape(1, 1, d)));
        Tensor kp = null;
        if (cfg.keyPadding()) {
            long[] pad = new long[b * t];
            // the [MASK] slot appended at inference has id 0 but is a real position
            for (int i = 0; i < pad.length; i++) pad[i] = ids[i] == 0 && !mask[i] ? 1 : 0;
            kp = Tensor.ofLongs(pad, b, t);
        }
        Tensor h = transformer.forward(x, kp);                                              // [B, T, d]
        if (fusion != null) {
            Tensor a = Tensor.of(meanAudio(ids, mask, b, t), b, 1, cfg.audioDim()).expand(b, t, cfg.audioDim());
            return fusion.forward(Tensor.cat(2, h, a));                                     // [B, T, e]
        }
        return outputProjection != null ? outputProjection.forward(h) : h;
    }

    /**
     * Mean audio vector of each session's visible items (not padding, not masked): [B, a] row-major. Read
     * from the {@code audio_table} buffer (rows of this batch only), so a restored checkpoint is used.
     */
    float[] meanAudio(int[] ids, boolean[] mask, int b, int t) {
        int a = cfg.audioDim();
        long[] idx = new long[ids.length];
        for (int i = 0; i < ids.length; i++) idx[i] = ids[i];
        float[] rows = buffer("audio_table").indexSelect(0, Tensor.ofLongs(idx, idx.length)).toFloatArray();  // [B·T, a]
        float[] out = new float[b * a];
        double[] acc = new double[a];
        for (int s = 0; s < b; s++) {
            java.util.Arrays.fill(acc, 0);
            int n = 0;
            for (int j = 0; j < t; j++) {
                int p = s * t + j;
                if (ids[p] == 0 || mask[p]) continue;
                for (int k = 0; k < a; k++) acc[k] += rows[p * a + k];
                n++;
            }
            if (n > 0) for (int k = 0; k < a; k++) out[s * a + k] = (float) (acc[k] / n);
        }
        return out;
    }

    /**
     * Lets {@code opt} treat the item table's lookup gradient as row-sparse with dense semantics
     * ({@link dev.segue.nn.optim.Optimizer#addSparse(String, Embedding, boolean)}): the lookup no longer
     * builds a [V, e] gradient to add to the tied projection's; its rows are folded into that one before
     * clipping. Same updates, bit for bit up to the order of two float additions per touched row.
     */
    public void useRowSparseTable(dev.segue.nn.optim.Optimizer opt) {
        if (!items.weight().requiresGrad()) return;
        String name = null;
        for (var e : namedParameters().entrySet()) if (e.getValue() == items.weight()) name = e.getKey();
        opt.addSparse(name, items.sparse(true), false);
    }

    /** rows [M, e] → logits [M, V] = rows·Wᵀ (+ b). */
    public Tensor logits(Tensor rows) {
        Tensor l = rows.matmul(items.weight().mT());
        return outputBias != null ? l.add(outputBias) : l;
    }

    /** Hidden states [B, T, e] at the masked positions, in row-major order: [M, e]; null when nothing is masked. */
    public static Tensor maskedRows(Tensor h, boolean[] mask) {
        int n = 0;
        for (boolean m : mask) if (m) n++;
        if (n == 0) return null;
        long[] idx = new long[n];
        for (int i = 0, k = 0; i < mask.length; i++) if (mask[i]) idx[k++] = i;
        return h.reshape(mask.length, h.size(2)).indexSelect(0, Tensor.ofLongs(idx, n));
    }

    /**
     * Mean softmax cross-entropy over the masked positions (Transformers4Rec's loss); the targets are the
     * original ids there. Null when no position is masked (a batch of single-item sessions).
     */
    public Tensor loss(int[] ids, boolean[] mask, int b) {
        Tensor rows = maskedRows(encode(ids, mask, b), mask);
        if (rows == null) return null;
        long[] target = new long[rows.size(0)];
        for (int i = 0, k = 0; i < mask.length; i++) if (mask[i]) target[k++] = ids[i];
        return logits(rows).crossEntropy(Tensor.ofLongs(target, target.length), -100, 0, "mean");
    }
}
