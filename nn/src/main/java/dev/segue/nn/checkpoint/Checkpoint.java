package dev.segue.nn.checkpoint;

import dev.segue.core.DType;
import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.io.RawArray;
import dev.segue.core.io.SafeTensors;
import dev.segue.nn.Module;
import dev.segue.nn.optim.Optimizer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A training checkpoint in one safetensors file, written atomically (temp file + rename): the model's
 * state dict under {@code model/<name>} (PyTorch names), the optimizer state under {@code optim/<key>},
 * and in the metadata the step, the epoch, the named RNG states (all six words each) and any extra
 * entries. Restoring all of it lets a resumed run reproduce the uninterrupted one bit for bit.
 */
public record Checkpoint(Map<String, Tensor> model, Map<String, Tensor> optimizer, long step, int epoch,
                         Map<String, long[]> rngStates, Map<String, String> extra) {

    private static final String MODEL = "model/", OPTIM = "optim/", RNG = "rng.";

    /** Captures the current state (copies, so later training does not change it). */
    public static Checkpoint capture(Module model, Optimizer opt, long step, int epoch, Map<String, Rng> rngs, Map<String, String> extra) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : model.stateDict().entrySet()) m.put(e.getKey(), e.getValue().detach().copy());
        Map<String, long[]> rs = new LinkedHashMap<>();
        for (Map.Entry<String, Rng> e : rngs.entrySet()) rs.put(e.getKey(), e.getValue().state());
        return new Checkpoint(m, opt == null ? Map.of() : opt.stateDict(), step, epoch, rs, extra == null ? Map.of() : Map.copyOf(extra));
    }

    public void save(Path file) {
        Map<String, RawArray> ts = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : model.entrySet()) ts.put(MODEL + e.getKey(), raw(e.getValue()));
        for (Map.Entry<String, Tensor> e : optimizer.entrySet()) ts.put(OPTIM + e.getKey(), raw(e.getValue()));
        Map<String, String> meta = new LinkedHashMap<>(extra);
        meta.put("step", Long.toString(step));
        meta.put("epoch", Integer.toString(epoch));
        for (Map.Entry<String, long[]> e : rngStates.entrySet())
            meta.put(RNG + e.getKey(), Arrays.stream(e.getValue()).mapToObj(Long::toString).collect(Collectors.joining(",")));
        SafeTensors.write(file, ts, meta);
    }

    public static Checkpoint load(Path file) {
        SafeTensors.Contents c = SafeTensors.read(file);
        Map<String, Tensor> m = new LinkedHashMap<>(), o = new LinkedHashMap<>();
        for (Map.Entry<String, RawArray> e : c.tensors().entrySet()) {
            if (e.getKey().startsWith(MODEL)) m.put(e.getKey().substring(MODEL.length()), tensor(e.getValue()));
            else if (e.getKey().startsWith(OPTIM)) o.put(e.getKey().substring(OPTIM.length()), tensor(e.getValue()));
            else throw new IllegalArgumentException("checkpoint " + file + ": unexpected tensor '" + e.getKey() + "'");
        }
        Map<String, String> extra = new LinkedHashMap<>(c.metadata());
        String step = extra.remove("step"), epoch = extra.remove("epoch");
        if (step == null || epoch == null) throw new IllegalArgumentException("checkpoint " + file + ": metadata lacks step or epoch");
        Map<String, long[]> rs = new LinkedHashMap<>();
        for (String k : List.copyOf(extra.keySet()))
            if (k.startsWith(RNG)) rs.put(k.substring(RNG.length()), Arrays.stream(extra.remove(k).split(",")).mapToLong(Long::parseLong).toArray());
        return new Checkpoint(m, o, Long.parseLong(step), Integer.parseInt(epoch), rs, extra);
    }

    /** Restores model (strict), optimizer and the named generators. */
    public void restore(Module model, Optimizer opt, Map<String, Rng> rngs) {
        model.loadStateDict(this.model, true);
        if (opt != null) opt.loadStateDict(optimizer);
        for (Map.Entry<String, Rng> e : rngs.entrySet()) {
            long[] s = rngStates.get(e.getKey());
            if (s == null) throw new IllegalArgumentException("checkpoint has no RNG state '" + e.getKey() + "' (has " + rngStates.keySet() + ")");
            e.getValue().setState(s);
        }
    }

    private static RawArray raw(Tensor t) {
        return switch (t.dtype()) {
            case F64 -> RawArray.ofDoubles(t.shape(), t.toDoubleArray());
            case I64 -> RawArray.ofLongs(t.shape(), t.toLongArray());
            case I32 -> RawArray.ofInts(t.shape(), Arrays.stream(t.toLongArray()).mapToInt(x -> (int) x).toArray());
            default -> RawArray.ofFloats(t.shape(), t.toFloatArray());
        };
    }

    private static Tensor tensor(RawArray a) {
        return switch (a.dtype()) {
            case F64 -> Tensor.of(a.toDoubles(), a.shape()).to(DType.F64);
            case I64 -> Tensor.ofLongs(a.toLongs(), a.shape());
            case I32 -> Tensor.ofInts(a.toInts(), a.shape());
            default -> Tensor.of(a.toFloats(), a.shape());
        };
    }
}
