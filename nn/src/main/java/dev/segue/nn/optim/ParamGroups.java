package dev.segue.nn.optim;

import dev.segue.core.Tensor;
import dev.segue.nn.Module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The usual split into a decayed and a non-decayed group, as Hugging Face / Transformers4Rec do:
 * no decay for any name containing "bias" (which also covers XLNet's r_w_bias, r_r_bias, r_s_bias) and
 * for normalisation weights (a "norm" / "LayerNorm" segment before ".weight"). Frozen parameters are left out.
 */
public final class ParamGroups {
    private ParamGroups() {}

    public static boolean noDecay(String name) {
        if (name.contains("bias")) return true;
        String[] parts = name.split("\\.");
        if (parts.length >= 2 && parts[parts.length - 1].equals("weight")) {
            String owner = parts[parts.length - 2].toLowerCase(java.util.Locale.ROOT);
            return owner.contains("norm");
        }
        return false;
    }

    public static List<ParamGroup> decayAndNoDecay(Module model, double lr, double weightDecay) {
        Map<String, Tensor> decay = new LinkedHashMap<>(), none = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            if (!e.getValue().requiresGrad()) continue;
            (noDecay(e.getKey()) ? none : decay).put(e.getKey(), e.getValue());
        }
        return List.of(new ParamGroup(decay, lr, weightDecay), new ParamGroup(none, lr, 0));
    }

    /** One group with everything trainable. */
    public static List<ParamGroup> single(Module model, double lr, double weightDecay) {
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) if (e.getValue().requiresGrad()) all.put(e.getKey(), e.getValue());
        return List.of(new ParamGroup(all, lr, weightDecay));
    }
}
