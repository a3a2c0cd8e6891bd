package dev.segue.recsys.t4rec;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.optim.Adam;
import dev.segue.nn.optim.GradClip;
import dev.segue.nn.optim.LrSchedule;
import dev.segue.nn.optim.Optimizer;
import dev.segue.nn.optim.ParamGroup;
import dev.segue.nn.optim.ParamGroups;
import dev.segue.nn.optim.Scheduler;
import dev.segue.nn.optim.Sgd;
import dev.segue.recsys.data.SessionCsr;
import dev.segue.recsys.train.EpochTask;
import dev.segue.recsys.train.Progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Masked-item training of a {@link T4RecModel} as Transformers4Rec's trainer does it: shuffled batches of
 * training sessions, masking per {@link ItemMasking}, mean cross-entropy over the masked positions,
 * gradient clipping, AdamW (HF; no decay for biases and LayerNorm) or SGD with Nesterov momentum, and a
 * per-step learning-rate schedule. Sessions of one item are left out of training (they can mask nothing).
 *
 * <p>Randomness comes from three generators, all checkpointed: {@code model} (init, then dropout),
 * {@code shuffle} and {@code mask}.
 */
public final class T4RecTrainer implements EpochTask {
    private final T4RecConfig cfg;
    private final T4RecModel model;
    private final T4RecData data;
    private final Optimizer opt;
    private final Scheduler sched;
    private final Rng modelRng, shuffleRng, maskRng;
    private final int[] trainRows;
    private final boolean quiet;

    public T4RecTrainer(T4RecConfig cfg, T4RecData data, Tensor pretrained, Tensor audio, boolean quiet) {
        this.cfg = cfg;
        this.data = data;
        this.quiet = quiet;
        Rng root = new Rng(cfg.seed());
        modelRng = root.fork();
        shuffleRng = root.fork();
        maskRng = root.fork();
        model = new T4RecModel(cfg, data.items().size(), pretrained, audio, modelRng);
        // AdamW (Hugging Face): no decay for biases and LayerNorms; RTA's SGD decays every parameter, as torch.optim.SGD(model.parameters())
        List<ParamGroup> groups = cfg.optimizer().equals("adamw_hf")
                ? ParamGroups.decayAndNoDecay(model, cfg.lr(), cfg.weightDecay())
                : ParamGroups.single(model, cfg.lr(), cfg.weightDecay());
        opt = cfg.optimizer().equals("adamw_hf")
                ? new Adam(groups, Adam.Variant.ADAMW_HF, 0.9, 0.999, 1e-8)
                : new Sgd(groups, cfg.momentum(), 0, true);
        model.useRowSparseTable(opt);
        trainRows = rowsOfAtLeast(data.train(), 2);
        if (trainRows.length == 0) throw new IllegalArgumentException("no training session has two or more items");
        long total = (long) cfg.epochs() * stepsPerEpoch();
        LrSchedule schedule = switch (cfg.schedule()) {
            case "linear" -> LrSchedule.linearWarmup(0, total);
            case "rta_step" -> LrSchedule.stepLrEvery(1000, (int) cfg.stepSize(), cfg.stepGamma());   // stepSize = StepLR patience
            case "step" -> LrSchedule.stepDecay(cfg.stepSize(), cfg.stepGamma());
            default -> throw new IllegalArgumentException("t4rec: unknown schedule '" + cfg.schedule() + "' (linear, step or rta_step)");
        };
        sched = new Scheduler(opt, schedule);
    }

    public T4RecModel t4rec() { return model; }
    @Override public Module model() { return model; }
    @Override public Optimizer optimizer() { return opt; }

    @Override public Map<String, Rng> rngs() {
        Map<String, Rng> m = new LinkedHashMap<>();
        m.put("model", modelRng);
        m.put("shuffle", shuffleRng);
        m.put("mask", maskRng);
        return m;
    }

    @Override public void resumeAt(long step) { sched.setStep(step); }

    public int stepsPerEpoch() { return (trainRows.length + cfg.batch() - 1) / cfg.batch(); }

    @Override public double trainEpoch(int epoch) {
        model.train();
        int t = cfg.maxLen(), n = trainRows.length;
        int[] order = trainRows.clone();
        for (int i = n - 1; i > 0; i--) {          // Fisher–Yates with the checkpointed generator
            int j = shuffleRng.nextInt(i + 1), tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        Progress p = quiet ? null : new Progress(String.format(Locale.ROOT, "epoch %d/%d", epoch, cfg.epochs()), stepsPerEpoch(), "steps");
        double sum = 0;
        int steps = 0;
        for (int from = 0, step = 0; from < n; from += cfg.batch(), step++) {
            int b = Math.min(cfg.batch(), n - from);
            int[] ids = new int[b * t];
            for (int r = 0; r < b; r++) SessionWindows.fill(data.train().session(order[from + r]), t, ids, r);
            double loss = step(ids, ItemMasking.training(ids, b, t, cfg.maskProb(), maskRng), b);
            if (!Double.isNaN(loss)) {
                sum += loss;
                steps++;
            }
            if (p != null) p.update(step + 1, String.format(Locale.ROOT, "loss %.4f  lr %.3g", steps == 0 ? Double.NaN : sum / steps, opt.groups().get(0).lr()));
        }
        return sum / Math.max(1, steps);
    }

    /** One optimizer step on ids [b, T] with the given mask; returns the loss (NaN when nothing was masked). */
    public double step(int[] ids, boolean[] mask, int b) {
        Tensor loss = model.loss(ids, mask, b);
        if (loss == null) return Double.NaN;
        loss.backward();
        List<Tensor> params = model.parameters();
        opt.foldSparseIntoDense();     // the tied table's lookup rows join its dense gradient before the norm
        opt.step(cfg.clip() > 0 ? GradClip.clipCoefficient(params, opt.sparseGrads(), cfg.clip()) : 1);
        sched.advance();
        opt.zeroGrad();
        return loss.item();
    }

    @Override public Map<String, Double> evaluate(String split) {
        return T4RecEvaluator.evaluate(model, data.split(split));
    }

    private static int[] rowsOfAtLeast(SessionCsr s, int min) {
        return java.util.stream.IntStream.range(0, s.count()).filter(i -> s.length(i) >= min).toArray();
    }
}
