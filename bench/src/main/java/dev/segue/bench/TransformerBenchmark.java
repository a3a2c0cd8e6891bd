package dev.segue.bench;

import dev.segue.core.cpu.Parallel;
import dev.segue.nn.perf.LayerWorkload;
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
 * One XLNet layer (batch 128, length 20, d 512, 2 heads, FFN 2048) and one RTA decoder layer (d 128,
 * 8 heads, FFN 4096), forward + backward in training mode. Sequences/s = 128 / (score in s).
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar Transformer</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx8g"})
public class TransformerBenchmark {

    @Param({"XLNET", "RTA"})
    public String layer;

    @Param({"2"})
    public int threads;

    private LayerWorkload w;

    @Setup
    public void setup() {
        Parallel.setThreads(threads);
        w = new LayerWorkload(LayerWorkload.Kind.valueOf(layer), 128, 20, 1);
    }

    @Benchmark
    public double forwardBackward() { return w.step(); }

    @Benchmark
    public double forward() { return w.forward(); }
}
