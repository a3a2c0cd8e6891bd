package dev.segue.cli;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.cpu.Parallel;
import dev.segue.nn.optim.Adam;
import dev.segue.nn.optim.GradClip;
import dev.segue.nn.optim.Optimizer;
import dev.segue.nn.optim.ParamGroups;
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
 * T4Rec d 512, 2 layers, 2 heads, FFN 2048 with the full-catalogue softmax over the masked positions.
 * Prints the median seconds per step and sessions/s, split into forward+backward and optimizer.
 * {@code bench/scripts/t4rec_train_step.py} measures the same step in PyTorch.
 */
@Command(name = "train-step", mixinStandardHelpOptions = true,
        description = "Benchmark one training step of a recommender at the study's sizes (sessions/s).")
public final class BenchTrainStep implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", defaultValue = "t4rec", description = "t4rec (default ${DEFAULT-VALUE})") String model;
    @Option(names = "--items", defaultValue = "100000") int items;
    @Option(names = "--batch", defaultValue = "128") int batch;
    @Option(names = "--d-model", defaultValue = "512") int dModel;
    @Option(names = "--max-len", defaultValue = "20") int maxLen;
    @Option(names = "--steps", defaultValue = "5", description = "timed steps after 2 warm-up steps (default ${DEFAULT-VALUE})") int steps;
    @Option(names = "--threads", description = "compute threads (default: all cores)") Integer threads;

    public static void main(String[] args) { System.exit(new CommandLine(new BenchTrainStep()).execute(args)); }

    @Override
    public Integer call() {
        if (!model.equals("t4rec")) throw new CommandLine.ParameterException(spec.commandLine(), "--model " + model + ": only t4rec here (rta comes with the RTA trainer)");
        if (threads != null) Parallel.setThreads(threads);
        T4RecConfig cfg = T4RecConfig.study().withModel(dModel, 2, 2).withTraining(1, batch, 5e-5, 0.15, maxLen, 0.3, 1);
        Rng rng = new Rng(1);
        int v = items + 1;
        T4RecModel m = new T4RecModel(cfg, v, null, null, rng);
        Optimizer opt = new Adam(ParamGroups.decayAndNoDecay(m, cfg.lr(), 0), Adam.Variant.ADAMW_HF, 0.9, 0.999, 1e-8);
        Rng data = new Rng(2);
        double[] total = new double[steps], fb = new double[steps];
        int maskedSum = 0;
        for (int s = -2; s < steps; s++) {
            int[] ids = new int[batch * maxLen];
            for (int i = 0; i < ids.length; i++) ids[i] = 1 + data.nextInt(items);
            boolean[] mask = ItemMasking.training(ids, batch, maxLen, cfg.maskProb(), data);
            long t0 = System.nanoTime();
            Tensor loss = m.loss(ids, mask, batch);
            loss.backward();
            long t1 = System.nanoTime();
            GradClip.clipGradNorm(m.parameters(), 1.0);
            opt.step();
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
