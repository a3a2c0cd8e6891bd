package dev.segue.cli;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Grad;
import dev.segue.core.cpu.Parallel;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

import picocli.CommandLine.Option;

/**
 * The memory-bound kernels (softmax, layer norm, elementwise, reductions): bytes moved per second
 * against a System.arraycopy of the same number of floats, one line per kernel.
 */
abstract class BenchMemoryBound implements Callable<Integer> {

    @Option(names = "--size", defaultValue = "4096x4096", description = "rows x columns (default ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--threads", split = ",", description = "thread counts (default: the pool size)")
    List<Integer> threads;

    @Option(names = "--seconds", defaultValue = "1.0", description = "time budget per measurement (default ${DEFAULT-VALUE})")
    double seconds;

    /** Named kernels: each maps an input [rows, cols] to an output, and the floats it reads + writes. */
    record Kernel(String name, Function<Tensor, Tensor> fn, double floatsMovedPerElement) {}

    /** The kernels for an input of [rows, cols]; "(kernel)" variants write into a preallocated output. */
    abstract List<Kernel> kernels(int rows, int cols, Rng rng);

    @Override public Integer call() {
        int[] s = BenchTimer.parseShape(size);
        if (s.length != 2) throw new IllegalArgumentException("--size must be ROWSxCOLS, got " + size);
        Rng rng = new Rng(1);
        Tensor x = Tensor.randn(rng, s[0], s[1]);
        int saved = Parallel.threads();
        try (Grad g = Grad.off()) {
            for (int t : threads == null ? List.of(Parallel.threads()) : threads) {
                Parallel.setThreads(t);
                double copy = BenchTimer.arraycopyGBps(s[0] * s[1], seconds);
                for (Kernel k : kernels(s[0], s[1], rng)) {
                    double ms = BenchTimer.bestMillis(() -> k.fn.apply(x), seconds);
                    double gbps = k.floatsMovedPerElement * 4.0 * s[0] * s[1] / ms / 1e6;
                    System.out.printf(Locale.ROOT, "%-22s %dx%d threads %d: %8.3f ms %7.2f GB/s (arraycopy %6.2f GB/s, ratio %.2f)%n",
                            k.name, s[0], s[1], t, ms, gbps, copy, gbps / copy);
                }
            }
        } finally {
            Parallel.setThreads(saved);
        }
        return 0;
    }
}
