package dev.segue.core.conformance;

import dev.segue.core.io.Json;
import dev.segue.core.io.SafeTensors;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One PyTorch reference case: its tensors and the roles, params and tolerance from its metadata. */
public record FixtureCase(Path file, String name, String op, Map<String, Object> params, List<String> inputs,
                          Map<String, String> upstreamGrads, List<String> outputs, List<String> intOutputs,
                          Map<String, String> grads, boolean forwardOnly, double tolerance,
                          SafeTensors.Contents tensors) {

    @SuppressWarnings("unchecked")
    public static FixtureCase load(Path file) {
        SafeTensors.Contents c = SafeTensors.read(file);
        String meta = c.metadata().get("case");
        if (meta == null) throw new IllegalArgumentException(file + ": no __metadata__.case entry");
        Map<String, Object> m = Json.parseObject(meta);
        return new FixtureCase(file, (String) m.get("name"), (String) m.get("op"),
                (Map<String, Object>) m.getOrDefault("params", Map.of()),
                (List<String>) m.getOrDefault("inputs", List.of()),
                (Map<String, String>) m.getOrDefault("upstream_grads", Map.of()),
                (List<String>) m.getOrDefault("outputs", List.of()),
                (List<String>) m.getOrDefault("int_outputs", List.of()),
                (Map<String, String>) m.getOrDefault("grads", Map.of()),
                Boolean.TRUE.equals(m.get("forward_only")),
                ((Number) m.getOrDefault("suggested_rel_tol", 1e-5)).doubleValue(), c);
    }
}
