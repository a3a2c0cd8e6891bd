package dev.segue.nn.models.hubert;

import java.util.List;
import java.util.Map;

/** The subset of Hugging Face's HubertConfig these modules use (post-LN, "group" feature-extractor norm). */
public record HubertConfig(int[] convDim, int[] convKernel, int[] convStride, boolean convBias, int hiddenSize,
                           int numHeads, int intermediateSize, int numLayers, double layerNormEps,
                           int numConvPosEmbeddings, int numConvPosEmbeddingGroups, double dropout) {

    public HubertConfig {
        if (convDim.length != convKernel.length || convDim.length != convStride.length)
            throw new IllegalArgumentException("HubertConfig: conv_dim, conv_kernel and conv_stride differ in length");
        if (hiddenSize % numHeads != 0) throw new IllegalArgumentException("HubertConfig: hidden size " + hiddenSize + " not divisible by " + numHeads + " heads");
    }

    /** From an HF config.json map (post-LN group-norm variant only: HuBERT base / MERT-95M). */
    public static HubertConfig fromHf(Map<String, Object> c) {
        if (Boolean.TRUE.equals(c.get("do_stable_layer_norm")))
            throw new IllegalArgumentException("HuBERT config: do_stable_layer_norm=true (the pre-LN layout of the large models) "
                    + "is outside what this encoder builds: the post-LN group-norm variant (HuBERT base, MERT-95M)");
        Object norm = c.getOrDefault("feat_extract_norm", "group");
        if (!"group".equals(norm))
            throw new IllegalArgumentException("HuBERT config: feat_extract_norm '" + norm + "' is outside what this encoder builds: 'group' only");
        return new HubertConfig(ints(c.get("conv_dim")), ints(c.get("conv_kernel")), ints(c.get("conv_stride")),
                Boolean.TRUE.equals(c.get("conv_bias")), num(c, "hidden_size"), num(c, "num_attention_heads"),
                num(c, "intermediate_size"), num(c, "num_hidden_layers"), ((Number) c.getOrDefault("layer_norm_eps", 1e-5)).doubleValue(),
                num(c, "num_conv_pos_embeddings"), num(c, "num_conv_pos_embedding_groups"),
                ((Number) c.getOrDefault("hidden_dropout", 0.0)).doubleValue());
    }

    private static int num(Map<String, Object> c, String k) {
        Object v = c.get(k);
        if (!(v instanceof Number n)) throw new IllegalArgumentException("HubertConfig: '" + k + "' missing or not a number");
        return n.intValue();
    }

    private static int[] ints(Object o) {
        List<?> l = (List<?>) o;
        int[] r = new int[l.size()];
        for (int i = 0; i < r.length; i++) r[i] = ((Number) l.get(i)).intValue();
        return r;
    }
}
