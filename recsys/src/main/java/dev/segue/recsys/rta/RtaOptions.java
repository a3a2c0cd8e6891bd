package dev.segue.recsys.rta;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameters of RTA training, defaulting to the reference code's: windows of at most 11
 * consecutive songs (10 inputs, 10 targets), 1 decoder layer with 8 heads, FFN 4096, dropout 0.1,
 * n_neg 50 uniform candidates of which the first n_easy 10 are kept as easy negatives and the n_hard 10
 * highest-scoring are added, SGD with Nesterov momentum 0.9, lr 1.0 (0.13 for the NN representer),
 * weight decay, step decay ×0.5 every patience × 1000 batches, gradient clipping at norm 1.0,
 * 30 epochs of batches of 128 sessions.
 */
public record RtaOptions(int maxSize, int heads, int ffn, double dropout, double layerNormEps,
                         int nNeg, int nEasy, int nHard,
                         double lr, double momentum, boolean nesterov, double weightDecay, int patience, long decayEvery, double decayFactor,
                         double clip, int epochs, int batchSize, double initStd, long seed) {

    public RtaOptions {
        if (maxSize < 2) throw new IllegalArgumentException("rta: max_size must be >= 2 (one input and one target), got " + maxSize);
        if (nEasy < 0 || nHard < 0 || nEasy > nNeg || nHard > nNeg || nEasy + nHard == 0)
            throw new IllegalArgumentException("rta: need 0 <= n_easy, n_hard <= n_neg and n_easy + n_hard > 0, got n_neg " + nNeg + ", n_easy " + nEasy + ", n_hard " + nHard);
        if (batchSize < 1 || epochs < 0) throw new IllegalArgumentException("rta: batch size >= 1 and epochs >= 0, got " + batchSize + ", " + epochs);
    }

    public static RtaOptions defaults() {
        return new RtaOptions(11, 8, 4096, 0.1, 1e-5, 50, 10, 10, 1.0, 0.9, true, 1e-5, 5, 1000, 0.5, 1.0, 30, 128, 0.05, 1);
    }

    /** The learning rate the reference uses for a representer: 0.13 for NN, 1.0 otherwise. */
    public static double defaultLr(String representer) { return "nn".equals(representer) ? 0.13 : 1.0; }

    /** Decay period in optimizer steps: patience × decayEvery (reference: StepLR(patience) stepped every 1000 batches). */
    public long decayPeriod() { return (long) patience * decayEvery; }

    public RtaOptions withSizes(int heads, int ffn) { return new RtaOptions(maxSize, heads, ffn, dropout, layerNormEps, nNeg, nEasy, nHard, lr, momentum, nesterov, weightDecay, patience, decayEvery, decayFactor, clip, epochs, batchSize, initStd, seed); }
    public RtaOptions withNegatives(int nNeg, int nEasy, int nHard) { return new RtaOptions(maxSize, heads, ffn, dropout, layerNormEps, nNeg, nEasy, nHard, lr, momentum, nesterov, weightDecay, patience, decayEvery, decayFactor, clip, epochs, batchSize, initStd, seed); }
    public RtaOptions withTraining(double lr, int epochs, int batchSize) { return new RtaOptions(maxSize, heads, ffn, dropout, layerNormEps, nNeg, nEasy, nHard, lr, momentum, nesterov, weightDecay, patience, decayEvery, decayFactor, clip, epochs, batchSize, initStd, seed); }
    public RtaOptions withDropout(double p) { return new RtaOptions(maxSize, heads, ffn, p, layerNormEps, nNeg, nEasy, nHard, lr, momentum, nesterov, weightDecay, patience, decayEvery, decayFactor, clip, epochs, batchSize, initStd, seed); }
    public RtaOptions withSeed(long s) { return new RtaOptions(maxSize, heads, ffn, dropout, layerNormEps, nNeg, nEasy, nHard, lr, momentum, nesterov, weightDecay, patience, decayEvery, decayFactor, clip, epochs, batchSize, initStd, s); }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_size", maxSize); m.put("heads", heads); m.put("ffn", ffn); m.put("dropout", dropout); m.put("layer_norm_eps", layerNormEps);
        m.put("n_neg", nNeg); m.put("n_easy", nEasy); m.put("n_hard", nHard);
        m.put("lr", lr); m.put("momentum", momentum); m.put("nesterov", nesterov); m.put("weight_decay", weightDecay);
        m.put("patience", patience); m.put("decay_every", decayEvery); m.put("decay_factor", decayFactor);
        m.put("clip", clip); m.put("epochs", epochs); m.put("batch_size", batchSize); m.put("init_std", initStd); m.put("seed", seed);
        return m;
    }
}
