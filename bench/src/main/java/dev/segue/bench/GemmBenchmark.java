package dev.segue.bench;

import dev.segue.core.cpu.Parallel;
import dev.segue.core.cpu.gemm.Gemm;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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

/**
 * {@link Gemm#sgemm} on square and transformer shapes ([M×K]·[K×N], written MxKxN), 1 and 2 threads.
 * GFLOP/s = 2·M·N·K / (score in ms) / 1e6.
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar Gemm</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx8g"})
public class GemmBenchmark {

    @Param({"256x256x256", "512x512x512", "1024x1024x1024", "2048x2048x2048",
            "2560x512x2048", "2560x2048x512", "128x512x100000"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    @Param({"false"})
    public boolean transB;

    private int m, n, k;
    private float[] a, b, c;

    @Setup
    public void setup() throws InterruptedException {
        Gemm.warmUp(java.time.Duration.ofSeconds(60)); // until then calls run the scalar kernel
        String[] p = shape.split("x");
        m = Integer.parseInt(p[0]);
        k = Integer.parseInt(p[1]);
        n = Integer.parseInt(p[2]);
        SplittableRandom r = new SplittableRandom(1);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) r.nextDouble();
        for (int i = 0; i < b.length; i++) b[i] = (float) r.nextDouble();
        Parallel.setThreads(threads);
    }

    @Benchmark
    public float[] sgemm() {
        Gemm.sgemm(false, transB, m, n, k, 1f, a, 0, k, b, 0, transB ? k : n, 0f, c, 0, n);
        return c;
    }
}
