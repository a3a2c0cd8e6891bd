package dev.segue.core.conformance;

import java.util.Map;

/**
 * Service interface: a module that implements more fixture ops (layers, models) registers them here,
 * found through {@link java.util.ServiceLoader}.
 */
public interface ConformanceOps {
    void register(Map<String, CaseOp> ops);
}
