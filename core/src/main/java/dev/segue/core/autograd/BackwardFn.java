package dev.segue.core.autograd;

import dev.segue.core.Tensor;

/** Given the gradient of an op's output, the gradients of its inputs (null where an input needs none). */
@FunctionalInterface
public interface BackwardFn {
    Tensor[] apply(Tensor gradOutput);
}
