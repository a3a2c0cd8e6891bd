package dev.segue.recsys.train;

import dev.segue.nn.checkpoint.Checkpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The epoch loop shared by the trainers: train, evaluate on validation, record a metrics row, keep the
 * model with the best validation value of {@code selectBy} ({@code best.safetensors}), write a full
 * checkpoint ({@code last.safetensors}: model, optimizer, step, epoch, RNG states) after every epoch;
 * at the end evaluate the best model on test ({@code test_metrics.json}) and draw the learning curves.
 *
 * <p>Resuming loads {@code last.safetensors} and continues with the next epoch. Because every random
 * draw comes from the checkpointed generators, a run killed at any point and resumed ends with the same
 * weights and metrics as an uninterrupted one, bit for bit (same thread count).
 */
public final class TrainingLoop {
    public static final String LAST = "last.safetensors", BEST = "best.safetensors";

    private final RunDirectory run;
    private final EpochTask task;
    private final int epochs;
    private final String selectBy;

    public record Result(int bestEpoch, double bestValue, Map<String, Double> test, boolean finished) {}

    public TrainingLoop(RunDirectory run, EpochTask task, int epochs, String selectBy) {
        this.run = run;
        this.task = task;
        this.epochs = epochs;
        this.selectBy = selectBy;
    }

    /**
     * @param resume    continue from {@code last.safetensors} (an error when there is none)
     * @param stopAfter stop after this epoch (1-based) as if killed, for tests and time-boxed runs; ≥ epochs for a full run
     */
    public Result run(boolean resume, int stopAfter) {
        int start = 1;
        int bestEpoch = 0;
        double best = Double.NEGATIVE_INFINITY;
        Path last = run.resolve(LAST);
        if (resume) {
            if (!Files.exists(last)) throw new IllegalArgumentException("--resume: " + last + " does not exist (nothing to resume)");
            Checkpoint c = Checkpoint.load(last);
            c.restore(task.model(), task.optimizer(), task.rngs());
            task.resumeAt(c.step());
            start = c.epoch() + 1;
            bestEpoch = Integer.parseInt(c.extra().getOrDefault("best_epoch", "0"));
            best = Double.parseDouble(c.extra().getOrDefault("best_value", "-Infinity"));
            System.err.printf(Locale.ROOT, "resuming after epoch %d (step %d, best %s %.5f at epoch %d)%n", c.epoch(), c.step(), selectBy, best, bestEpoch);
        }
        for (int epoch = start; epoch <= epochs; epoch++) {
            if (epoch > stopAfter) return new Result(bestEpoch, best, Map.of(), false);
            long t0 = System.nanoTime();
            double loss = task.trainEpoch(epoch);
            double trainSecs = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> valid = task.evaluate("valid");
            Double v = valid.get(selectBy);
            if (v == null) throw new IllegalStateException("validation has no metric '" + selectBy + "' (has " + valid.keySet() + ")");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", epoch);
            row.put("step", task.optimizer().stepCount());
            row.put("train_loss", loss);
            for (Map.Entry<String, Double> e : valid.entrySet()) row.put("valid_" + e.getKey(), e.getValue());
            row.put("train_seconds", trainSecs);
            run.appendMetrics(row);
            // strictly better: on ties the earlier epoch stays
            if (v > best) {
                best = v;
                bestEpoch = epoch;
                Checkpoint.capture(task.model(), null, task.optimizer().stepCount(), epoch, Map.of(), Map.of("selected_by", "valid_" + selectBy))
                        .save(run.resolve(BEST));
            }
            Checkpoint.capture(task.model(), task.optimizer(), task.optimizer().stepCount(), epoch, task.rngs(),
                    Map.of("best_epoch", Integer.toString(bestEpoch), "best_value", Double.toString(best))).save(last);
            System.err.printf(Locale.ROOT, "epoch %d/%d: loss %.4f, valid %s %.5f (best %.5f at epoch %d), %.1f s%n",
                    epoch, epochs, loss, selectBy, v, best, bestEpoch, trainSecs);
            plot();
        }
        Checkpoint.load(run.resolve(BEST)).restore(task.model(), null, Map.of());
        Map<String, Double> test = task.evaluate("test");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("best_epoch", bestEpoch);
        json.put("valid_" + selectBy, best);
        json.putAll(test);
        run.writeJson("test_metrics.json", json);
        return new Result(bestEpoch, best, test, true);
    }

    /** learning_curves.png: training loss and every validation metric per epoch. */
    private void plot() {
        List<Map<String, Object>> rows = run.metricRows();
        double[] x = rows.stream().mapToDouble(r -> ((Number) r.get("epoch")).doubleValue()).toArray();
        LineChart metrics = new LineChart("validation", "epoch", "value");
        for (String k : rows.get(rows.size() - 1).keySet())
            if (k.startsWith("valid_")) metrics.add(k.substring(6), x, col(rows, k));
        metrics.writePng(run.resolve("valid_metrics.png"), 800, 500);
        new LineChart("training loss", "epoch", "loss").add("train_loss", x, col(rows, "train_loss"))
                .writePng(run.resolve("learning_curve.png"), 800, 500);
    }

    private static double[] col(List<Map<String, Object>> rows, String k) {
        return rows.stream().mapToDouble(r -> r.get(k) instanceof Number n ? n.doubleValue() : Double.NaN).toArray();
    }
}
