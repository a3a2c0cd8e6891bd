package dev.segue.recsys.train;

import dev.segue.core.io.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Opens the {@link Recommender} of a run folder by the {@code "model"} entry of its {@code config.json}.
 * Each trainer registers its loader here.
 */
public final class RunRecommenders {
    private RunRecommenders() {}

    private static final Map<String, Function<Path, Recommender>> LOADERS = Map.of(
            "t4rec", dev.segue.recsys.t4rec.T4RecRecommender::load,
            "rta", dev.segue.recsys.rta.RtaRecommender::load);

    public static Recommender open(Path run) {
        Path cfg = run.resolve("config.json");
        if (!Files.isRegularFile(cfg)) throw new IllegalArgumentException(run + " is not a run folder (no config.json)");
        Map<String, Object> json;
        try {
            json = Json.parseObject(Files.readString(cfg));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cfg + ": " + e.getMessage(), e);
        }
        Object model = json.get("model");
        Function<Path, Recommender> loader = model == null ? null : LOADERS.get(model.toString());
        if (loader == null) throw new IllegalArgumentException(cfg + ": unknown model " + model + " (known: " + LOADERS.keySet() + ")");
        return loader.apply(run);
    }
}
