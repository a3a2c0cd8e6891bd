package dev.segue.recsys.rta;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.checkpoint.Checkpoint;
import dev.segue.nn.layers.Embedding;
import dev.segue.nn.optim.GradClip;
import dev.segue.nn.optim.ParamGroups;
import dev.segue.nn.optim.Scheduler;
import dev.segue.nn.optim.Sgd;
import dev.segue.recsys.data.RtaQuery;
import dev.segue.recsys.eval.QueryScores;
import dev.segue.recsys.train.LineChart;
import dev.segue.recsys.train.Progress;
import dev.segue.recsys.train.RunDirectory;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The RTA training loop of the reference code: SGD (Nesterov momentum, weight decay on every
 * trainable parameter, biases and LayerNorms included, as {@code torch.optim.SGD(model.parameters())}),
 * the LR schedule of {@link RtaOptions#lrFactor} (StepLR(patience) stepped every 1000 batches), gradient
 * norm clipped over all parameters, a fixed number of epochs. After each epoch the validation queries
 * are scored; {@code last.safetensors} (for {@code --resume}) and, when validation NDCG@20 improves,
 * {@code best.safetensors} are written; at the end the best checkpoint is scored on the test queries.
 * A resumed run restarts the interrupted epoch from the state saved after the previous one: model,
 * optimizer, step, dropout generator, and batches that depend only on (seed, epoch) — so it ends with
 * the same numbers as an uninterrupted run.
 *
 * <p>Deviations from the reference's {@code run_training}: the reference (outside tuning) trains on
 * training + validation playlists and reports the model after the last epoch; here validation stays
 * held out and the epoch with the best validation NDCG@20 is tested (the study's protocol). The
 * reference also scores the test set every 1000 batches for its log; that is not done.
 *
 * <p>{@link #step(RtaBatch)} is one optimizer step, public so benchmarks can time it.
 */
public final class RtaTrainer {
    public static final String LAST = "last.safetensors", BEST = "best.safetensors", SELECT = "ndcg@20";

    private final RtaModel model;
    private final Rng dropoutRng;
    private final RtaOptions o;
    private final Sgd optimizer;
    private final Scheduler scheduler;

    /** {@code dropoutRng} must be the generator the model's decoder was built with (its dropout draws from it). */
    public RtaTrainer(RtaModel model, Rng dropoutRng, RtaOptions o) {
        this.model = model;
        this.dropoutRng = dropoutRng;
        this.o = o;
        optimizer = new Sgd(ParamGroups.single(model, o.lr(), o.weightDecay()), o.momentum(), 0, o.nesterov());
        scheduler = new Scheduler(optimizer, o::lrFactor);
        rowSparseTables(model, "");
    }

    /**
     * Every trainable embedding table gets row-sparse gradients with dense semantics
     * ({@link dev.segue.nn.optim.Optimizer#addSparse(String, Embedding, boolean)} with lazy false): the
     * updates are those of torch's dense embedding gradient (weight decay and momentum move every row), but
     * no lookup builds, adds or re-reads a [V, d] gradient — the 100,000-row table's dominated the step.
     */
    private void rowSparseTables(Module m, String prefix) {
        for (Map.Entry<String, Module> c : m.children().entrySet()) {
            String name = prefix + c.getKey();
            if (c.getValue() instanceof Embedding t) {
                if (t.weight().requiresGrad()) optimizer.addSparse(name + ".weight", t.sparse(true), false);
            } else rowSparseTables(c.getValue(), name + ".");
        }
    }

    public RtaModel model() { return model; }
    public long stepCount() { return scheduler.step(); }

    /** One optimizer step on a batch (forward, backward, clip, update, schedule); returns the loss. */
    public double step(RtaBatch batch) {
        model.train();
        optimizer.zeroGrad();
        Tensor loss = RtaLoss.compute(model, batch, o.nEasy(), o.nHard()).loss();
        loss.backward();
        optimizer.step(o.clip() > 0 ? GradClip.clipCoefficient(trainable(), optimizer.sparseGrads(), o.clip()) : 1);
        scheduler.advance();
        return loss.item();
    }

    private List<Tensor> trainable() {
        return model.parameters().stream().filter(Tensor::requiresGrad).toList();
    }

    /** What a finished (or stopped) run reports. */
    public record Outcome(int epochsDone, int bestEpoch, double bestValidation, QueryScores test, boolean stopped) {}

    /**
     * Trains to {@code o.epochs()} in {@code run}. {@code resume}: continue from {@code last.safetensors}
     * when present. {@code stopAfterSteps} > 0 stops (as if killed) once that many optimizer steps are
     * done — for tests of resuming; 0 = never.
     */
    public Outcome fit(RunDirectory run, RtaBatcher batcher, RtaEvaluator evaluator, List<RtaQuery> valid, List<RtaQuery> test,
                       boolean resume, long stopAfterSteps, Consumer<String> log) {
        int startEpoch = 0, bestEpoch = 0;
        double best = Double.NEGATIVE_INFINITY;
        var last = run.resolve(LAST);
        if (Files.exists(last)) {
            if (!resume) throw new IllegalStateException(run.path() + " already holds a run (" + LAST + "); pass --resume to continue it or choose another --out");
            Checkpoint ck = Checkpoint.load(last);
            ck.restore(model, optimizer, Map.of("dropout", dropoutRng));
            scheduler.setStep(ck.step());
            startEpoch = ck.epoch();
            bestEpoch = Integer.parseInt(ck.extra().getOrDefault("best_epoch", "0"));
            best = Double.parseDouble(ck.extra().getOrDefault("best_validation", "-Infinity"));
            log.accept(String.format(Locale.ROOT, "resuming after epoch %d (step %d)", startEpoch, ck.step()));
        }
        int nb = batcher.batchesPerEpoch();
        for (int epoch = startEpoch; epoch < o.epochs(); epoch++) {
            long t0 = System.nanoTime();
            Progress bar = new Progress(String.format(Locale.ROOT, "rta epoch %d/%d", epoch + 1, o.epochs()), nb, "batches");
            double sum = 0;
            int done = 0;
            double lr = optimizer.groups().get(0).lr();
            for (RtaBatch b : batcher.epoch(epoch)) {
                lr = optimizer.groups().get(0).lr();
                sum += step(b);
                done++;
                bar.update(done, String.format(Locale.ROOT, "loss %.4f  lr %.3g", sum / done, lr));
                if (stopAfterSteps > 0 && scheduler.step() >= stopAfterSteps) return new Outcome(epoch, bestEpoch, best, null, true);
            }
            QueryScores v = evaluator.evaluate(model, valid);
            double sel = v.summary(SELECT).mean();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", epoch + 1);
            row.put("step", scheduler.step());
            row.put("train_loss", sum / done);
            row.put("lr", lr);
            for (String m : List.of("ndcg@10", "ndcg@20", "map@10", "map@20", "recall@10", "recall@20", "r_precision", "ndcg", "clicks"))
                row.put("val_" + m, v.summary(m).mean());
            row.put("seconds", (System.nanoTime() - t0) / 1e9);
            run.appendMetrics(row);
            boolean improved = sel > best;
            if (improved) { best = sel; bestEpoch = epoch + 1; }
            Map<String, String> extra = Map.of("best_epoch", Integer.toString(bestEpoch), "best_validation", Double.toString(best));
            Checkpoint ck = Checkpoint.capture(model, optimizer, scheduler.step(), epoch + 1, Map.of("dropout", dropoutRng), extra);
            if (improved) ck.save(run.resolve(BEST));
            ck.save(last);
            log.accept(String.format(Locale.ROOT, "epoch %d: loss %.4f, val ndcg@20 %.4f, recall@20 %.4f%s", epoch + 1, sum / done, sel,
                    v.summary("recall@20").mean(), improved ? " (best)" : ""));
            writeCurves(run);
        }
        QueryScores t = null;
        if (Files.exists(run.resolve(BEST))) {
            Checkpoint.load(run.resolve(BEST)).restore(model, null, Map.of());
            t = evaluator.evaluate(model, test);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("best_epoch", bestEpoch);
            json.put("selected_by", "validation " + SELECT);
            json.put("validation_" + SELECT, best);
            json.putAll(t.toJson());
            run.writeJson("test_metrics.json", json);
        }
        return new Outcome(o.epochs(), bestEpoch, best, t, false);
    }

    /** learning_curve.png: training loss and validation NDCG@20 per epoch (two panels' worth of series on one chart). */
    static void writeCurves(RunDirectory run) {
        List<Map<String, Object>> rows = run.metricRows();
        double[] x = new double[rows.size()], loss = new double[rows.size()], ndcg = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = ((Number) rows.get(i).get("epoch")).doubleValue();
            loss[i] = ((Number) rows.get(i).get("train_loss")).doubleValue();
            ndcg[i] = ((Number) rows.get(i).get("val_ndcg@20")).doubleValue();
        }
        new LineChart("RTA training loss", "epoch", "loss").add("train loss", x, loss).writePng(run.resolve("learning_curve.png"), 800, 500);
        new LineChart("RTA validation", "epoch", "NDCG@20").add("val ndcg@20", x, ndcg).writePng(run.resolve("validation_curve.png"), 800, 500);
    }
}
