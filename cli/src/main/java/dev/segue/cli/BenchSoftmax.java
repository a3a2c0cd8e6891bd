package dev.segue.cli;

import dev.segue.core.Rng;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code segue bench softmax}: softmax and log-softmax over the last dim. */
@Command(name = "softmax", mixinStandardHelpOptions = true, description = "Softmax / log-softmax throughput (GB/s vs arraycopy).")
public final class BenchSoftmax extends BenchMemoryBound {
    @Override List<Kernel> kernels(int cols, Rng rng) {
        return List.of(new Kernel("softmax", x -> x.softmax(-1), 2), new Kernel("log_softmax", x -> x.logSoftmax(-1), 2));
    }
}
