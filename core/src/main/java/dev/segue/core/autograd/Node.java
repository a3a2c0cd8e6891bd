package dev.segue.core.autograd;

import dev.segue.core.Tensor;

/** One recorded op of the define-by-run graph: its name, its inputs and its backward closure. */
public record Node(String op, Tensor[] inputs, BackwardFn backward) {}
