package dev.segue.recsys.t4rec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every setting of a T4Rec-style run. {@link #study()} gives the study's Table 5.1 defaults;
 * {@link #withRtaHyperparams()} the Table 5.5 ablation. Written to and read back from {@code config.json},
 * so a run folder alone rebuilds its model.
 *
 * @param embeddingDim  item embedding width e (d_model when random; the table's width when pretrained)
 * @param embeddingStd  std of the random item table (Transformers4Rec's NormalInitializer: 0.05)
 * @param initStd       XLNet initializer_range (HF _init_weights: normal for attention and FFN weights)
 * @param keyPadding    pass a key padding mask to attention (Transformers4Rec passes none: padding
 *                      positions take part in attention, so T is always padded to maxLen)
 * @param optimizer     "adamw_hf" or "sgd_nesterov"
 * @param schedule      "linear" (decay to 0 over the run, no warm-up) or "step" (×stepGamma every stepSize steps)
 */
public record T4RecConfig(int maxLen, int dModel, int nHead, int nLayer, int dInner, double dropout, double lnEps,
                          double initStd, double embeddingStd, double maskInitStd, double maskProb, boolean outputBias,
                          boolean keyPadding, int embeddingDim, boolean frozen, boolean lateFusion, int audioDim,
                          int epochs, int batch, double lr, String optimizer, double weightDecay, double momentum,
                          String schedule, long stepSize, double stepGamma, double clip, long seed) {

    public T4RecConfig {
        if (maxLen < 2) throw new IllegalArgumentException("max-len must be >= 2, got " + maxLen);
        if (dModel < 1 || nHead < 1 || dModel % nHead != 0)
            throw new IllegalArgumentException("d-model " + dModel + " must be a positive multiple of heads " + nHead);
        if (nLayer < 1) throw new IllegalArgumentException("layers must be >= 1, got " + nLayer);
        if (!(maskProb > 0 && maskProb < 1)) throw new IllegalArgumentException("mask-prob must be in (0, 1), got " + maskProb);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        if (epochs < 1 || batch < 1) throw new IllegalArgumentException("epochs and batch must be >= 1");
        if (!optimizer.equals("adamw_hf") && !optimizer.equals("sgd_nesterov"))
            throw new IllegalArgumentException("optimizer must be adamw_hf or sgd_nesterov, got " + optimizer);
        if (!schedule.equals("linear") && !schedule.equals("step"))
            throw new IllegalArgumentException("schedule must be linear or step, got " + schedule);
        if (embeddingDim < 1) throw new IllegalArgumentException("embedding width must be >= 1, got " + embeddingDim);
    }

    /** Table 5.1: 2 layers, 2 heads, d 512, FFN 4·d, batch 128, 50 epochs, AdamW (HF) lr 5e-5 linear, clip 1, dropout 0.3, eps 0.03, init std 0.01. */
    public static T4RecConfig study() {
        return new T4RecConfig(20, 512, 2, 2, 2048, 0.3, 0.03, 0.01, 0.05, 0.001, 0.15, true, false, 512, false, false, 0,
                50, 128, 5e-5, "adamw_hf", 0.0, 0.0, "linear", 0, 1.0, 1.0, 42);
    }

    /**
     * Table 5.5's ablation: the T4Rec model trained with RTA's optimisation. The table names the switch,
     * not every number, so the values are the RTA reference code's tuned optimisation of its MF-Transformer
     * (deezer/APC-RTA {@code best_params_rta.json}; T4Rec, like it, trains one vector per item): SGD with
     * Nesterov momentum 0.9 and weight decay 1.53e-5 on every parameter, lr 1.0 halved by StepLR(12)
     * stepped every 1000 batches ({@code "rta_step"}: first after 11,001 steps, then every 12,000),
     * clipping 1.0, 18 epochs, batch 128. The model's own dropout (0.3) stays.
     */
    public T4RecConfig withRtaHyperparams() {
        return new T4RecConfig(maxLen, dModel, nHead, nLayer, dInner, dropout, lnEps, initStd, embeddingStd, maskInitStd, maskProb,
                outputBias, keyPadding, embeddingDim, frozen, lateFusion, audioDim, 18, 128, 1.0, "sgd_nesterov", 1.53e-5, 0.9,
                "rta_step", 12, 0.5, 1.0, seed);
    }

    public T4RecConfig withModel(int dModel, int nHead, int nLayer) {
        return new T4RecConfig(maxLen, dModel, nHead, nLayer, 4 * dModel, dropout, lnEps, initStd, embeddingStd, maskInitStd, maskProb,
                outputBias, keyPadding, embeddingDim == this.dModel ? dModel : embeddingDim, frozen, lateFusion, audioDim,
                epochs, batch, lr, optimizer, weightDecay, momentum, schedule, stepSize, stepGamma, clip, seed);
    }

    public T4RecConfig withTraining(int epochs, int batch, double lr, double maskProb, int maxLen, double dropout, long seed) {
        return new T4RecConfig(maxLen, dModel, nHead, nLayer, dInner, dropout, lnEps, initStd, embeddingStd, maskInitStd, maskProb,
                outputBias, keyPadding, embeddingDim, frozen, lateFusion, audioDim, epochs, batch, lr, optimizer, weightDecay, momentum,
                schedule, stepSize, stepGamma, clip, seed);
    }

    public T4RecConfig withEmbedding(int embeddingDim, boolean frozen, boolean lateFusion, int audioDim) {
        return new T4RecConfig(maxLen, dModel, nHead, nLayer, dInner, dropout, lnEps, initStd, embeddingStd, maskInitStd, maskProb,
                outputBias, keyPadding, embeddingDim, frozen, lateFusion, audioDim, epochs, batch, lr, optimizer, weightDecay, momentum,
                schedule, stepSize, stepGamma, clip, seed);
    }

    public T4RecConfig withKeyPadding(boolean on) {
        return new T4RecConfig(maxLen, dModel, nHead, nLayer, dInner, dropout, lnEps, initStd, embeddingStd, maskInitStd, maskProb,
                outputBias, on, embeddingDim, frozen, lateFusion, audioDim, epochs, batch, lr, optimizer, weightDecay, momentum,
                schedule, stepSize, stepGamma, clip, seed);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_len", maxLen);
        m.put("d_model", dModel);
        m.put("n_head", nHead);
        m.put("n_layer", nLayer);
        m.put("d_inner", dInner);
        m.put("dropout", dropout);
        m.put("layer_norm_eps", lnEps);
        m.put("init_std", initStd);
        m.put("embedding_std", embeddingStd);
        m.put("mask_init_std", maskInitStd);
        m.put("mask_prob", maskProb);
        m.put("output_bias", outputBias);
        m.put("key_padding_mask", keyPadding);
        m.put("embedding_dim", embeddingDim);
        m.put("frozen", frozen);
        m.put("late_fusion", lateFusion);
        m.put("audio_dim", audioDim);
        m.put("epochs", epochs);
        m.put("batch", batch);
        m.put("lr", lr);
        m.put("optimizer", optimizer);
        m.put("weight_decay", weightDecay);
        m.put("momentum", momentum);
        m.put("schedule", schedule);
        m.put("step_size", stepSize);
        m.put("step_gamma", stepGamma);
        m.put("clip", clip);
        m.put("seed", seed);
        return m;
    }

    public static T4RecConfig fromJson(Map<String, Object> m) {
        return new T4RecConfig(i(m, "max_len"), i(m, "d_model"), i(m, "n_head"), i(m, "n_layer"), i(m, "d_inner"), d(m, "dropout"),
                d(m, "layer_norm_eps"), d(m, "init_std"), d(m, "embedding_std"), d(m, "mask_init_std"), d(m, "mask_prob"),
                b(m, "output_bias"), b(m, "key_padding_mask"), i(m, "embedding_dim"), b(m, "frozen"), b(m, "late_fusion"),
                i(m, "audio_dim"), i(m, "epochs"), i(m, "batch"), d(m, "lr"), s(m, "optimizer"), d(m, "weight_decay"),
                d(m, "momentum"), s(m, "schedule"), (long) d(m, "step_size"), d(m, "step_gamma"), d(m, "clip"), (long) d(m, "seed"));
    }

    private static Object get(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (v == null) throw new IllegalArgumentException("T4Rec config lacks '" + k + "'");
        return v;
    }

    private static double d(Map<String, Object> m, String k) { return ((Number) get(m, k)).doubleValue(); }
    private static int i(Map<String, Object> m, String k) { return (int) d(m, k); }
    private static boolean b(Map<String, Object> m, String k) { return (Boolean) get(m, k); }
    private static String s(Map<String, Object> m, String k) { return get(m, k).toString().toLowerCase(Locale.ROOT); }
}
