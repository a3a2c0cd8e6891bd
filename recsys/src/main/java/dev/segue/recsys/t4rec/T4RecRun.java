package dev.segue.recsys.t4rec;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.io.Json;
import dev.segue.recsys.embed.ItemEmbeddings;
import dev.segue.recsys.train.RunDirectory;
import dev.segue.recsys.train.TrainingLoop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code segue train t4rec} run as a library call: reads the T4Rec split, aligns a pretrained (or late
 * fusion audio) table to the vocabulary, writes {@code config.json} and {@code items.txt}, and drives the
 * {@link TrainingLoop}. A resumed run takes every setting from the run's own {@code config.json}.
 *
 * @param init         "random" or "pretrained"
 * @param embeddings   the table for "pretrained" or for late fusion (its width sets e resp. the audio width)
 * @param stopAfter    stop after this epoch as if killed (Integer.MAX_VALUE: run to the end)
 */
public record T4RecRun(Path data, Path out, T4RecConfig config, String init, ItemEmbeddings embeddings,
                       boolean allowMissing, boolean resume, int stopAfter, boolean quiet) {

    public TrainingLoop.Result run() {
        T4RecData d = T4RecData.read(data);
        RunDirectory dir = RunDirectory.open(out);
        T4RecConfig cfg = resume ? storedConfig(out) : config;
        Tensor pretrained = null, audio = null;
        if (embeddings != null) {
            Rng missingRng = new Rng(cfg.seed() ^ 0x5EED);
            ItemEmbeddings.Aligned a = embeddings.alignTo(d.items()::trackId, d.items().size(), allowMissing, missingRng, cfg.embeddingStd());
            if (a.missing() > 0) System.err.printf("embeddings: %d of %d items had no vector and got random rows (e.g. %s)%n", a.missing(), d.items().size() - 1, a.missingExamples());
            if (cfg.lateFusion()) audio = a.table();
            else pretrained = a.table();
        }
        if (!resume) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", "t4rec");
            json.put("data", data.toAbsolutePath().normalize().toString());
            json.put("init", init);
            json.put("items", d.items().size() - 1);
            json.put("sessions", Map.of("train", d.train().count(), "valid", d.valid().count(), "test", d.test().count()));
            json.put("threads", dev.segue.core.cpu.Parallel.threads());
            json.put("t4rec", cfg.toJson());
            dir.writeConfig(json);
            d.items().write(out);
        }
        T4RecTrainer trainer = new T4RecTrainer(cfg, d, pretrained, audio, quiet);
        if (!quiet) System.err.printf("t4rec: %,d items, %,d/%,d/%,d sessions, %,d steps per epoch, %,d parameters%n",
                d.items().size() - 1, d.train().count(), d.valid().count(), d.test().count(), trainer.stepsPerEpoch(),
                trainer.model().parameters().stream().mapToLong(Tensor::numel).sum());
        return new TrainingLoop(dir, trainer, cfg.epochs(), "ndcg@20").run(resume, stopAfter);
    }

    @SuppressWarnings("unchecked")
    static T4RecConfig storedConfig(Path run) {
        try {
            Map<String, Object> json = Json.parseObject(Files.readString(run.resolve("config.json")));
            return T4RecConfig.fromJson((Map<String, Object>) json.get("t4rec"));
        } catch (IOException e) {
            throw new UncheckedIOException("--resume: cannot read " + run.resolve("config.json") + ": " + e.getMessage(), e);
        }
    }
}
