package dev.segue.core.conformance;

import dev.segue.core.Tensor;

import java.util.Map;

/** Runs one fixture op: named input tensors and the case's params in, named output tensors out. */
@FunctionalInterface
public interface CaseOp {
    Map<String, Tensor> run(Map<String, Tensor> inputs, Map<String, Object> params);
}
