package dev.segue.cli;

import dev.segue.core.Backend;
import dev.segue.core.DType;
import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code segue bench softmax}: softmax and log-softmax over the last dim. */
@Command(name = "softmax", mixinStandardHelpOptions = true, description = "Softmax / log-softmax throughput (GB/s vs arraycopy).")
public final class BenchSoftmax extends BenchMemoryBound {
    @Override List<Kernel> kernels(int rows, int cols, Rng rng) {
        Tensor out = Tensor.empty(DType.F32, rows, cols);
        Backend be = Backend.cpu();
        return List.of(new Kernel("softmax", x -> x.softmax(-1), 2), new Kernel("log_softmax", x -> x.logSoftmax(-1), 2),
                new Kernel("softmax (kernel)", x -> { be.softmax(x, 1, false, out); return out; }, 2),
                new Kernel("log_softmax (kernel)", x -> { be.softmax(x, 1, true, out); return out; }, 2));
    }
}
