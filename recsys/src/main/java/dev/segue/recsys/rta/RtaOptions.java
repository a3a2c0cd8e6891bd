package dev.segue.recsys.rta;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Hyperparameters of RTA training. {@link #defaults(String)} gives the reference code's tuned values per
 * representer ({@code resources/params/best_params_rta.json} of deezer/APC-RTA):
 *
 * <table>
 *   <caption>reference settings</caption>
 *   <tr><th></th><th>mf, random, pretrained ("MF-Transformer")</th><th>fm ("FM-Transformer")</th><th>nn ("NN-Transformer")</th></tr>
 *   <tr><td>n_neg / n_easy / n_hard</td><td>1000 / 10 / 40</td><td>1000 / 3 / 37</td><td>500 / 53 / 18</td></tr>
 *   <tr><td>epochs</td><td>18</td><td>30</td><td>30</td></tr>
 *   <tr><td>lr</td><td>1.0</td><td>1.0</td><td>0.13</td></tr>
 *   <tr><td>patience (× 1000 batches)</td><td>12</td><td>12</td><td>8</td></tr>
 *   <tr><td>weight decay</td><td>1.53e-5</td><td>0</td><td>0</td></tr>
 *   <tr><td>decoder dropout</td><td>0.13</td><td>0</td><td>0.1</td></tr>
 * </table>
 *
 * Shared by all: windows of at most 11 consecutive songs ({@code max_size}), 1 decoder layer, 8 heads,
 * FFN 4096, SGD with Nesterov momentum 0.9, the LR halved by StepLR({@code patience}) stepped every
 * 1000 batches ({@link #lrFactor}), gradient-norm clipping at 1.0, batches of 128 sessions, LayerNorm
 * eps 1e-5 (PyTorch's default). The nn representer's own layer: 8 heads, FFN 1024, dropout 0.
 *
 * <p>Where Segue's defaults are not the reference's: {@code random} and {@code pretrained} have no
 * reference model (the RTA paper has neither); they use the MF-Transformer settings because they share
 * its representer (one trainable vector per song). {@code initStd} (std of random rows, 0.05) and
 * {@code seed} have no reference counterpart.
 */
public record RtaOptions(int maxSize, int heads, int ffn, double dropout, double layerNormEps,
                         int nNeg, int nEasy, int nHard,
                         double lr, double momentum, boolean nesterov, double weightDecay, int patience, long decayEvery, double decayFactor,
                         double clip, int epochs, int batchSize, double initStd, long seed,
                         int nnHeads, int nnFfn, double nnDropout) {

    public RtaOptions {
        if (maxSize < 2) throw new IllegalArgumentException("rta: max_size must be >= 2 (one input and one target), got " + maxSize);
        if (nEasy < 0 || nHard < 0 || nEasy > nNeg || nHard > nNeg || nEasy + nHard == 0)
            throw new IllegalArgumentException("rta: need 0 <= n_easy, n_hard <= n_neg and n_easy + n_hard > 0, got n_neg " + nNeg + ", n_easy " + nEasy + ", n_hard " + nHard);
        if (batchSize < 1 || epochs < 0) throw new IllegalArgumentException("rta: batch size >= 1 and epochs >= 0, got " + batchSize + ", " + epochs);
        if (patience < 1 || decayEvery < 1) throw new IllegalArgumentException("rta: patience and decay_every must be >= 1, got " + patience + ", " + decayEvery);
    }

    /** The reference settings of the MF-Transformer (also used for random and pretrained). */
    public static RtaOptions defaults() { return defaults("mf"); }

    /** The reference settings for a representer kind (random, mf, fm, nn, pretrained); see the class comment. */
    public static RtaOptions defaults(String representer) {
        RtaOptions mf = new RtaOptions(11, 8, 4096, 0.13, 1e-5, 1000, 10, 40, 1.0, 0.9, true, 1.53e-5, 12, 1000, 0.5, 1.0, 18, 128, 0.05, 1,
                8, 1024, 0.0);
        return switch (representer.toLowerCase(Locale.ROOT)) {
            case "mf", "random", "pretrained" -> mf;
            case "fm" -> mf.withNegatives(1000, 3, 37).withTraining(1.0, 30, 128).withDropout(0.0).withDecay(0.0, 12);
            case "nn" -> mf.withNegatives(500, 53, 18).withTraining(0.13, 30, 128).withDropout(0.1).withDecay(0.0, 8);
            default -> throw new IllegalArgumentException("unknown representer '" + representer + "' (" + String.join(", ", RepresenterSpec.KINDS) + ")");
        };
    }

    /** The learning rate the reference uses for a representer: 0.13 for NN, 1.0 otherwise. */
    public static double defaultLr(String representer) { return defaults(representer).lr(); }

    /**
     * The LR multiplier of the 0-based optimizer step s, as the reference produces it: its StepLR(patience,
     * factor) is stepped after the optimizer step of every batch whose 0-based index is a multiple of
     * {@code decayEvery} (0, 1000, 2000, …), so before step s it has been stepped ⌈s / decayEvery⌉ times and
     * the rate is base · factor^⌊⌈s / decayEvery⌉ / patience⌋. The first halving therefore comes after
     * (patience − 1) · decayEvery + 1 steps, later ones every patience · decayEvery steps.
     */
    public double lrFactor(long step) {
        return dev.segue.nn.optim.LrSchedule.stepLrEvery(decayEvery, patience, decayFactor).factor(step);
    }

    public RtaOptions withSizes(int heads, int ffn) { return new RtaOptions(maxSize, heads, ffn, dropout, layerNormEps, nNeg, nEasy, nHard, lr, momentum, nesterov, weightDecay, patience, decayEvery, decayFactor, clip, epochs, batchSize, initStd, seed, nnHeads, nnFfn, nnDropout); }
    public RtaOptions withNegatives(int nNeg, int nEasy, int nHard) { return new RtaOptions(maxSize, heads, ffn, dropout, layerNormEps, nNeg, nEasy, nHard, lr, momentum, nesterov, weightDecay, patience, decayEvery, decayFactor, clip, epochs, batchSize, initStd, seed, nnHeads, nnFfn, nnDropout); }
    public RtaOptions withTraining(double lr, int epochs, int batchSize) { return new RtaOptions(maxSize, heads, ffn, dropout, layerNormEps, nNeg, nEasy, nHard, lr, momentum, nesterov, weightDecay, patience, decayEvery, decayFactor, clip, epochs, batchSize, initStd, seed, nnHeads, nnFfn, nnDropout); }
    public RtaOptions withDropout(double p) { return new RtaOptions(maxSize, heads, ffn, p, layerNormEps, nNeg, nEasy, nHard, lr, momentum, nesterov, weightDecay, patience, decayEvery, decayFactor, clip, epochs, batchSize, initStd, seed, nnHeads, nnFfn, nnDropout); }
    public RtaOptions withDecay(double weightDecay, int patience) { return new RtaOptions(maxSize, heads, ffn, dropout, layerNormEps, nNeg, nEasy, nHard, lr, momentum, nesterov, weightDecay, patience, decayEvery, decayFactor, clip, epochs, batchSize, initStd, seed, nnHeads, nnFfn, nnDropout); }
    public RtaOptions withSeed(long s) { return new RtaOptions(maxSize, heads, ffn, dropout, layerNormEps, nNeg, nEasy, nHard, lr, momentum, nesterov, weightDecay, patience, decayEvery, decayFactor, clip, epochs, batchSize, initStd, s, nnHeads, nnFfn, nnDropout); }
    public RtaOptions withNnLayer(int heads, int ffn, double dropout) { return new RtaOptions(maxSize, this.heads, this.ffn, this.dropout, layerNormEps, nNeg, nEasy, nHard, lr, momentum, nesterov, weightDecay, patience, decayEvery, decayFactor, clip, epochs, batchSize, initStd, seed, heads, ffn, dropout); }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_size", maxSize); m.put("heads", heads); m.put("ffn", ffn); m.put("dropout", dropout); m.put("layer_norm_eps", layerNormEps);
        m.put("n_neg", nNeg); m.put("n_easy", nEasy); m.put("n_hard", nHard);
        m.put("lr", lr); m.put("momentum", momentum); m.put("nesterov", nesterov); m.put("weight_decay", weightDecay);
        m.put("patience", patience); m.put("decay_every", decayEvery); m.put("decay_factor", decayFactor);
        m.put("clip", clip); m.put("epochs", epochs); m.put("batch_size", batchSize); m.put("init_std", initStd); m.put("seed", seed);
        m.put("nn_heads", nnHeads); m.put("nn_ffn", nnFfn); m.put("nn_dropout", nnDropout);
        return m;
    }

    /** Reads {@link #toJson()} back; keys an older run folder lacks take the MF-Transformer defaults. */
    public static RtaOptions fromJson(Map<String, Object> m) {
        RtaOptions d = defaults();
        return new RtaOptions(i(m, "max_size", d.maxSize), i(m, "heads", d.heads), i(m, "ffn", d.ffn), f(m, "dropout", d.dropout),
                f(m, "layer_norm_eps", d.layerNormEps), i(m, "n_neg", d.nNeg), i(m, "n_easy", d.nEasy), i(m, "n_hard", d.nHard),
                f(m, "lr", d.lr), f(m, "momentum", d.momentum), m.containsKey("nesterov") ? (Boolean) m.get("nesterov") : d.nesterov,
                f(m, "weight_decay", d.weightDecay), i(m, "patience", d.patience), l(m, "decay_every", d.decayEvery),
                f(m, "decay_factor", d.decayFactor), f(m, "clip", d.clip), i(m, "epochs", d.epochs), i(m, "batch_size", d.batchSize),
                f(m, "init_std", d.initStd), l(m, "seed", d.seed), i(m, "nn_heads", d.nnHeads), i(m, "nn_ffn", d.nnFfn),
                f(m, "nn_dropout", d.nnDropout));
    }

    private static int i(Map<String, Object> m, String k, int def) { return m.get(k) instanceof Number n ? n.intValue() : def; }
    private static long l(Map<String, Object> m, String k, long def) { return m.get(k) instanceof Number n ? n.longValue() : def; }
    private static double f(Map<String, Object> m, String k, double def) { return m.get(k) instanceof Number n ? n.doubleValue() : def; }
}
