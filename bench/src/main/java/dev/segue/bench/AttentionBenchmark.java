package dev.segue.bench;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.cpu.Parallel;
import dev.segue.core.ops.Attention;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Causal attention forward + backward, fused kernel vs the engine's unfused matmul → softmax → matmul.
 * Shapes BxHxTxD: the T4Rec study size (d 512, 2 heads), the RTA size (d 128, 8 heads, 11 songs) and a
 * long sequence. <pre>java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar Attention</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx8g"})
public class AttentionBenchmark {

    @Param({"128x2x20x256", "128x8x11x16", "8x8x512x64"})
    public String shape;

    @Param({"2"})
    public int threads;

    private Tensor q, k, v, g;
    private double scale;

    @Setup
    public void setup() {
        String[] p = shape.split("x");
        int[] d = {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3])};
        Parallel.setThreads(threads);
        Rng r = new Rng(3);
        q = Tensor.randn(r, d).requiresGrad(true);
        k = Tensor.randn(r, d).requiresGrad(true);
        v = Tensor.randn(r, d).requiresGrad(true);
        g = Tensor.randn(r, d);
        scale = 1 / Math.sqrt(d[3]);
    }

    @Benchmark public Object fused() {
        Attention.fused(q, k, v, true, null, scale).backward(g);
        return clear();
    }

    @Benchmark public Object unfused() {
        Attention.sdpaReference(q, k, v, true, null, scale)[0].backward(g);
        return clear();
    }

    private Object clear() {
        Object o = q.grad();
        q.zeroGrad();
        k.zeroGrad();
        v.zeroGrad();
        return o;
    }
}
