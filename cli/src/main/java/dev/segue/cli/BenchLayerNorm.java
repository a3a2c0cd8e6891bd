package dev.segue.cli;

import dev.segue.core.Backend;
import dev.segue.core.DType;
import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code segue bench layernorm}: layer norm with affine parameters over the last dim. */
@Command(name = "layernorm", mixinStandardHelpOptions = true, description = "Layer-norm throughput (GB/s vs arraycopy).")
public final class BenchLayerNorm extends BenchMemoryBound {
    @Override List<Kernel> kernels(int rows, int cols, Rng rng) {
        Tensor w = Tensor.randn(rng, cols), b = Tensor.randn(rng, cols);
        Tensor out = Tensor.empty(DType.F32, rows, cols), mean = Tensor.empty(DType.F32, rows), rstd = Tensor.empty(DType.F32, rows);
        Backend be = Backend.cpu();
        return List.of(new Kernel("layernorm", x -> x.layerNorm(1, w, b, 1e-5), 2),
                new Kernel("layernorm (kernel)", x -> { be.layerNorm(x, w, b, 1e-5, out, mean, rstd); return out; }, 2));
    }
}
