package dev.segue.cli;

import dev.segue.core.Backend;
import dev.segue.core.DType;
import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code segue bench elementwise}: binary and unary elementwise ops and reductions. */
@Command(name = "elementwise", mixinStandardHelpOptions = true, description = "Elementwise and reduction throughput (GB/s vs arraycopy).")
public final class BenchElementwise extends BenchMemoryBound {
    @Override List<Kernel> kernels(int rows, int cols, Rng rng) {
        Tensor bias = Tensor.randn(rng, cols);
        Tensor out = Tensor.empty(DType.F32, rows, cols);
        Backend be = Backend.cpu();
        return List.of(
                new Kernel("add (kernel)", x -> { be.binary(Backend.Binary.ADD, x, x, out); return out; }, 3),
                new Kernel("gelu (kernel)", x -> { be.unary(Backend.Unary.GELU, 0, 0, x, out); return out; }, 2),
                new Kernel("add", x -> x.add(x), 3),
                new Kernel("add bias", x -> x.add(bias), 2),
                new Kernel("mul scalar", x -> x.mul(1.5), 2),
                new Kernel("relu", Tensor::relu, 2),
                new Kernel("gelu", Tensor::gelu, 2),
                new Kernel("sum rows", x -> x.sum(1, false), 1),
                new Kernel("sum cols", x -> x.sum(0, false), 1));
    }
}
