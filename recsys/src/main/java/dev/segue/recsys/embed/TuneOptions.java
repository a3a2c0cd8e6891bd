package dev.segue.recsys.embed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the contrastive ("MusiCNN-tuned") adaptation: a Linear–ReLU–Linear MLP of width
 * {@code hidden} to {@code outDim} (0 = the input width), InfoNCE at temperature {@code temperature}
 * (symmetric, duplicates masked) on batches of {@code batchSize} song pairs drawn from sessions, Adam
 * at {@code lr} for {@code epochs} passes over the sessions.
 */
public record TuneOptions(int hidden, int outDim, double temperature, int batchSize, int epochs, double lr, long seed) {
    public TuneOptions {
        if (hidden <= 0 || outDim < 0 || batchSize < 2 || epochs < 0 || !(temperature > 0) || !(lr > 0))
            throw new IllegalArgumentException("tune: hidden > 0, out-dim >= 0, batch >= 2, epochs >= 0, temperature > 0 and lr > 0 needed");
    }

    public static TuneOptions defaults() { return new TuneOptions(256, 0, 0.1, 256, 10, 1e-3, 1); }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hidden", hidden); m.put("out_dim", outDim); m.put("temperature", temperature);
        m.put("batch_size", batchSize); m.put("epochs", epochs); m.put("lr", lr); m.put("seed", seed);
        return m;
    }
}
