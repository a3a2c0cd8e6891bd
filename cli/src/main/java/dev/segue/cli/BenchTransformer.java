package dev.segue.cli;

import dev.segue.core.cpu.Parallel;
import dev.segue.nn.perf.LayerWorkload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code segue bench transformer}: one XLNet layer (d 512, 2 heads, FFN 2048) and one RTA decoder layer
 * (d 128, 8 heads, FFN 4096) at the study's batch 128 × length 20, forward + backward in training mode
 * (dropout 0.1), and forward only; sequences/s. bench/scripts/torch_transformer.py times PyTorch on the
 * same layers and sizes.
 */
@Command(name = "transformer", mixinStandardHelpOptions = true, description = "XLNet and RTA layers, forward + backward, sequences/s.")
public final class BenchTransformer implements Callable<Integer> {

    @Option(names = "--layer", split = ",", defaultValue = "xlnet,rta", description = "xlnet, rta (default ${DEFAULT-VALUE})")
    List<String> layers;

    @Option(names = "--batch", defaultValue = "128", description = "sequences per batch (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--length", defaultValue = "20", description = "sequence length (default ${DEFAULT-VALUE})")
    int length;

    @Option(names = "--threads", split = ",", description = "thread counts (default: the pool size)")
    List<Integer> threads;

    @Option(names = "--seconds", defaultValue = "5.0", description = "time budget per measurement (default ${DEFAULT-VALUE})")
    double seconds;

    /**
     * Best process CPU time (all threads) of 5 runs: on a machine shared with other jobs the wall clock
     * mostly measures the share of the cores we got; CPU time measures the work.
     */
    private static double bestCpuMillis(Runnable body) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long c0 = os.getProcessCpuTime();
            body.run();
            best = Math.min(best, (os.getProcessCpuTime() - c0) / 1e6);
        }
        return best;
    }

    @Override public Integer call() {
        int saved = Parallel.threads();
        try {
            for (String name : layers) {
                LayerWorkload.Kind kind = LayerWorkload.Kind.valueOf(name.trim().toUpperCase(Locale.ROOT));
                LayerWorkload w = new LayerWorkload(kind, batch, length, 1);
                for (int t : threads == null ? List.of(Parallel.threads()) : threads) {
                    Parallel.setThreads(t);
                    double train = BenchTimer.bestMillis(w::step, seconds);
                    double fwd = BenchTimer.bestMillis(w::forward, seconds);
                    double trainCpu = bestCpuMillis(w::step), fwdCpu = bestCpuMillis(w::forward);
                    System.out.printf(Locale.ROOT, "transformer %-6s B %d T %d threads %d: fwd+bwd %8.2f ms (%7.1f seq/s), fwd %8.2f ms (%7.1f seq/s); "
                                    + "process CPU per batch: fwd+bwd %8.2f ms, fwd %8.2f ms%n",
                            name, batch, length, t, train, batch / (train / 1e3), fwd, batch / (fwd / 1e3), trainCpu, fwdCpu);
                }
            }
        } finally {
            Parallel.setThreads(saved);
        }
        return 0;
    }
}
