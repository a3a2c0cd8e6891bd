package dev.segue.bench;

import dev.segue.core.Backend;
import dev.segue.core.DType;
import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.cpu.Parallel;
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
 * The memory-bound kernels through the backend SPI into preallocated outputs (the kernel alone, no
 * allocation), plus System.arraycopy of the same size as the bandwidth yardstick. Bytes moved per call:
 * 8·rows·cols (read x, write y). <pre>java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar Normalization</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx8g"})
public class NormalizationBenchmark {

    @Param({"4096x4096", "2560x512"})
    public String size;

    @Param({"1", "2"})
    public int threads;

    private Tensor x, y, w, b, mean, rstd, rowSums, colSums;
    private float[] src, dst;
    private Backend be;

    @Setup
    public void setup() {
        String[] p = size.split("x");
        int rows = Integer.parseInt(p[0]), cols = Integer.parseInt(p[1]);
        Parallel.setThreads(threads);
        Rng rng = new Rng(1);
        be = Backend.cpu();
        x = Tensor.randn(rng, rows, cols);
        y = Tensor.empty(DType.F32, rows, cols);
        w = Tensor.randn(rng, cols);
        b = Tensor.randn(rng, cols);
        mean = Tensor.empty(DType.F32, rows);
        rstd = Tensor.empty(DType.F32, rows);
        rowSums = Tensor.empty(DType.F32, rows);
        colSums = Tensor.empty(DType.F32, cols);
        src = x.toFloatArray();
        dst = new float[src.length];
    }

    @Benchmark public Object softmax() { be.softmax(x, 1, false, y); return y; }

    @Benchmark public Object logSoftmax() { be.softmax(x, 1, true, y); return y; }

    @Benchmark public Object layerNorm() { be.layerNorm(x, w, b, 1e-5, y, mean, rstd); return y; }

    @Benchmark public Object gelu() { be.unary(Backend.Unary.GELU, 0, 0, x, y); return y; }

    @Benchmark public Object add() { be.binary(Backend.Binary.ADD, x, x, y); return y; }

    @Benchmark public Object relu() { be.unary(Backend.Unary.RELU, 0, 0, x, y); return y; }

    @Benchmark public Object sumRows() { be.reduce(Backend.Reduce.SUM, x, new int[] {1}, rowSums); return rowSums; }

    @Benchmark public Object sumColumns() { be.reduce(Backend.Reduce.SUM, x, new int[] {0}, colSums); return colSums; }

    @Benchmark public Object arraycopy() { System.arraycopy(src, 0, dst, 0, src.length); return dst; }
}
