package dev.segue.cli;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.cpu.Parallel;
import dev.segue.core.ops.Attention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code segue bench attention}: the fused attention kernel against the engine's own unfused
 * matmul → softmax → matmul path, forward + backward, causal.
 */
@Command(name = "attention", mixinStandardHelpOptions = true, description = "Fused vs unfused attention, forward + backward.")
public final class BenchAttention implements Callable<Integer> {

    @Option(names = "--size", split = ",", defaultValue = "128x2x20x256,128x8x11x16,8x8x512x64",
            description = "BxHxTxD shapes (default ${DEFAULT-VALUE})")
    List<String> sizes;

    @Option(names = "--threads", split = ",", description = "thread counts (default: the pool size)")
    List<Integer> threads;

    @Option(names = "--seconds", defaultValue = "1.0", description = "time budget per measurement (default ${DEFAULT-VALUE})")
    double seconds;

    @Override public Integer call() {
        int saved = Parallel.threads();
        try {
            for (String s : sizes) {
                int[] d = BenchTimer.parseShape(s);
                if (d.length != 4) throw new IllegalArgumentException("--size takes BxHxTxD, got " + s);
                Rng r = new Rng(3);
                Tensor q = Tensor.randn(r, d).requiresGrad(true), k = Tensor.randn(r, d).requiresGrad(true), v = Tensor.randn(r, d).requiresGrad(true);
                Tensor g = Tensor.randn(r, d);
                double scale = 1 / Math.sqrt(d[3]);
                for (int t : threads == null ? List.of(Parallel.threads()) : threads) {
                    Parallel.setThreads(t);
                    double fused = BenchTimer.bestMillis(() -> { Attention.fused(q, k, v, true, null, scale).backward(g); clear(q, k, v); }, seconds);
                    double unfused = BenchTimer.bestMillis(() -> { Attention.sdpaReference(q, k, v, true, null, scale)[0].backward(g); clear(q, k, v); }, seconds);
                    double seqs = d[0] / (fused / 1e3);
                    System.out.printf(Locale.ROOT, "attention %-16s threads %d: fused %8.3f ms (%9.0f seq/s), unfused %8.3f ms, speed-up %.2fx%n",
                            s, t, fused, seqs, unfused, unfused / fused);
                }
            }
        } finally {
            Parallel.setThreads(saved);
        }
        return 0;
    }

    private static void clear(Tensor... ts) { for (Tensor t : ts) t.zeroGrad(); }
}
