package dev.segue.cli;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.cpu.Parallel;
import dev.segue.nn.optim.Adam;
import dev.segue.nn.optim.GradClip;
import dev.segue.nn.optim.Optimizer;
import dev.segue.nn.optim.ParamGroups;
import dev.segue.recsys.rta.EmbeddingRepresenter;
import dev.segue.recsys.rta.RtaBatch;
import dev.segue.recsys.rta.RtaModel;
import dev.segue.recsys.rta.RtaOptions;
import dev.segue.recsys.rta.RtaTrainer;
import dev.segue.recsys.t4rec.ItemMasking;
import dev.segue.recsys.t4rec.T4RecConfig;
import dev.segue.recsys.t4rec.T4RecModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code segue bench train-step}: one full training step (masking, forward, loss over the whole catalogue,
 * backward, clipping, optimizer) at the study's sizes — 100,000 items, batch 128, sessions of 20 items;
 * T4Rec d 512, 2 layers, 2 heads, FFN 2048 with the full-catalogue softmax over the masked positions;
 * RTA d 128 (random representer), windows of 11 songs, 1 decoder layer with 8 heads and FFN 4096,
 * 50 negative candidates (10 easy + 10 hard), SGD with Nesterov momentum and weight decay on every
 * parameter (so the whole 100,000-row table is updated each step), clipping at 1.0.
 * Prints the median seconds per step and sessions/s, split into forward+backward and optimizer.
 * {@code bench/scripts/t4rec_train_step.py} and {@code bench/scripts/rta_train_step.py} measure the same
 * steps in PyTorch.
 */
@Command(name = "train-step", mixinStandardHelpOptions = true,
        description = "Benchmark one training step of a recommender at the study's sizes (sessions/s).")
public final class BenchTrainStep implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", defaultValue = "t4rec", description = "t4rec or rta (default ${DEFAULT-VALUE})") String model;
    @Option(names = "--items", defaultValue = "100000") int items;
    @Option(names = "--batch", defaultValue = "128") int batch;
    @Option(names = "--d-model", description = "model width (default: 512 for t4rec, 128 for rta)") Integer dModel;
    @Option(names = "--max-len", description = "session length (default: 20 for t4rec, the 11-song window for rta)") Integer maxLen;
    @Option(names = "--steps", defaultValue = "5", description = "timed steps (default ${DEFAULT-VALUE})") int steps;
    @Option(names = "--warmup", defaultValue = "3", description = "untimed steps first, for the JIT (default ${DEFAULT-VALUE})") int warmup;
    @Option(names = "--threads", description = "compute threads (default: all cores)") Integer threads;

    public static void main(String[] args) { System.exit(new CommandLine(new BenchTrainStep()).execute(args)); }

    @Override
    public Integer call() {
        if (threads != null) Parallel.setThreads(threads);
        switch (model) {
            case "t4rec": return t4rec(dModel == null ? 512 : dModel, maxLen == null ? 20 : maxLen);
            case "rta": return rta(dModel == null ? 128 : dModel, maxLen == null ? RtaOptions.defaults().maxSize() : maxLen);
            default: throw new CommandLine.ParameterException(spec.commandLine(), "--model " + model + ": expected t4rec or rta");
        }
    }

    /**
     * RTA: every step draws full windows of {@code len} distinct random songs and 50 candidates per
     * session outside it, as {@code RtaBatcher} does, then times {@link RtaTrainer#step}.
     */
    private int rta(int dModel, int len) {
        RtaOptions o = RtaOptions.defaults();
        Rng rng = new Rng(1);
        int v = items + 1;
        RtaModel m = new RtaModel(EmbeddingRepresenter.random(v, dModel, o.initStd(), rng), o.heads(), o.ffn(), len, o.dropout(), o.layerNormEps(), rng);
        RtaTrainer trainer = new RtaTrainer(m, rng, o);
        Rng data = new Rng(2);
        double[] total = new double[steps];
        for (int s = -warmup; s < steps; s++) {
            RtaBatch b = randomRtaBatch(batch, len, o.nNeg(), data);
            long t0 = System.nanoTime();
            double loss = trainer.step(b);
            long t1 = System.nanoTime();
            System.err.printf(Locale.ROOT, "bench: step %d: %.3f s, loss %.4f%n", s + 1, (t1 - t0) / 1e9, loss);
            if (s >= 0) total[s] = (t1 - t0) / 1e9;
        }
        double med = median(total);
        System.out.printf(Locale.ROOT, "| model | items | batch | d | threads | s/step | sessions/s |%n|---|---|---|---|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| RTA (Segue, window %d, %d negatives) | %,d | %d | %d | %d | %.3f | %.1f |%n",
                len, o.nEasy() + o.nHard(), items, batch, dModel, Parallel.threads(), med, batch / med);
        return 0;
    }

    private RtaBatch randomRtaBatch(int b, int len, int nNeg, Rng rng) {
        long[] x = new long[b * len], cand = new long[b * nNeg];
        for (int i = 0; i < b; i++) {
            java.util.Set<Long> taken = new java.util.HashSet<>();
            for (int t = 0; t < len; t++) {
                long id;
                do { id = 1 + rng.nextInt(items); } while (!taken.add(id));
                x[i * len + t] = id;
            }
            for (int k = 0; k < nNeg; k++) {
                long id;
                do { id = 1 + rng.nextInt(items); } while (!taken.add(id));
                cand[i * nNeg + k] = id;
            }
        }
        return new RtaBatch(b, len, x, nNeg, cand);
    }

    private int t4rec(int dModel, int maxLen) {
        T4RecConfig cfg = T4RecConfig.study().withModel(dModel, 2, 2).withTraining(1, batch, 5e-5, 0.15, maxLen, 0.3, 1);
        Rng rng = new Rng(1);
        int v = items + 1;
        T4RecModel m = new T4RecModel(cfg, v, null, null, rng);
        Optimizer opt = new Adam(ParamGroups.decayAndNoDecay(m, cfg.lr(), 0), Adam.Variant.ADAMW_HF, 0.9, 0.999, 1e-8);
        m.useRowSparseTable(opt);   // as T4RecTrainer does
        Rng data = new Rng(2);
        double[] total = new double[steps], fb = new double[steps];
        int maskedSum = 0;
        for (int s = -warmup; s < steps; s++) {
            int[] ids = new int[batch * maxLen];
            for (int i = 0; i < ids.length; i++) ids[i] = 1 + data.nextInt(items);
            boolean[] mask = ItemMasking.training(ids, batch, maxLen, cfg.maskProb(), data);
            long t0 = System.nanoTime();
            Tensor loss = m.loss(ids, mask, batch);
            loss.backward();
            long t1 = System.nanoTime();
            opt.foldSparseIntoDense();
            opt.step(GradClip.clipCoefficient(m.parameters(), opt.sparseGrads(), 1.0));
            opt.zeroGrad();
            long t2 = System.nanoTime();
            int masked = 0;
            for (boolean b : mask) if (b) masked++;
            System.err.printf(Locale.ROOT, "bench: step %d: %.2f s (forward+backward %.2f s, clip+optimizer %.2f s), %d masked positions, loss %.4f%n",
                    s + 1, (t2 - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9, masked, loss.item());
            if (s >= 0) {
                total[s] = (t2 - t0) / 1e9;
                fb[s] = (t1 - t0) / 1e9;
                maskedSum += masked;
            }
        }
        double med = median(total), medFb = median(fb);
        System.out.printf(Locale.ROOT, "| model | items | batch | d | threads | s/step | forward+backward | clip+optimizer | sessions/s |%n|---|---|---|---|---|---|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| T4Rec (Segue, %d masked/step) | %,d | %d | %d | %d | %.2f | %.2f | %.2f | %.1f |%n",
                maskedSum / steps, items, batch, dModel, Parallel.threads(), med, medFb, med - medFb, batch / med);
        return 0;
    }

    private static double median(double[] x) {
        double[] c = x.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
