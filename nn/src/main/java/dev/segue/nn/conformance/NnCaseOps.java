package dev.segue.nn.conformance;

import static dev.segue.core.conformance.CoreCaseOps.num;
import static dev.segue.core.conformance.CoreCaseOps.out;
import dev.segue.core.DType;
import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.conformance.CaseOp;
import dev.segue.core.conformance.ConformanceOps;
import dev.segue.core.ops.Convolution;
import dev.segue.core.ops.Pooling;
import dev.segue.nn.Module;
import dev.segue.nn.attention.MultiheadAttention;
import dev.segue.nn.attention.RelativePositions;
import dev.segue.nn.attention.RtaDecoderLayer;
import dev.segue.nn.attention.TransformerEncoderLayer;
import dev.segue.nn.attention.XLNetRelativeAttention;
import dev.segue.nn.attention.XLNetStack;
import dev.segue.nn.layers.Activation;
import dev.segue.nn.models.efficientnet.EfficientNetB0;
import dev.segue.nn.models.hubert.HubertConfig;
import dev.segue.nn.models.hubert.HubertModel;
import dev.segue.nn.models.musicnn.MusiCnn;
import dev.segue.nn.layers.BatchNorm;
import dev.segue.nn.layers.GroupNorm;
import dev.segue.nn.losses.BceWithLogits;
import dev.segue.nn.losses.Contrastive;
import dev.segue.nn.losses.NegativeSampling;
import dev.segue.nn.losses.Reduction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nn module's fixture ops (layers, losses, attention variants, optimizers, schedules), found by the
 * conformance runner through ServiceLoader. Layer cases run the real modules with the fixture's tensors
 * bound as their parameters, so the gradients land on the fixture inputs.
 */
public final class NnCaseOps implements ConformanceOps {

    @Override public void register(Map<String, CaseOp> ops) {
        ops.put("conv1d", (in, p) -> out(Convolution.conv1d(in.get("x"), in.get("w"), in.get("b"), integer(p, "stride"),
                integer(p, "padding"), integer(p, "padding"), integer(p, "dilation"), integer(p, "groups"))));
        ops.put("conv2d", (in, p) -> {
            int[] pad = ints(p.get("padding")), pre = p.containsKey("pre_pad") ? ints(p.get("pre_pad")) : new int[4];
            Convolution.Padding padding = new Convolution.Padding(pad[0] + pre[2], pad[0] + pre[3], pad[1] + pre[0], pad[1] + pre[1]);
            return out(Convolution.conv2d(in.get("x"), in.get("w"), in.get("b"), ints(p.get("stride")), padding,
                    ints(p.get("dilation")), integer(p, "groups")));
        });
        ops.put("max_pool1d", (in, p) -> out(Pooling.maxPool1d(in.get("x"), integer(p, "kernel_size"), integer(p, "stride"), integer(p, "padding"))));
        ops.put("max_pool2d", (in, p) -> out(Pooling.maxPool2d(in.get("x"), ints(p.get("kernel_size")), ints(p.get("stride")), ints(p.get("padding")))));
        ops.put("avg_pool2d", (in, p) -> out(Pooling.avgPool2d(in.get("x"), ints(p.get("kernel_size")), ints(p.get("stride")),
                ints(p.get("padding")), Boolean.TRUE.equals(p.get("count_include_pad")))));
        ops.put("adaptive_avg_pool2d", (in, p) -> {
            if (integer(p, "output_size") != 1) throw new UnsupportedOperationException("adaptive_avg_pool2d with output size " + p.get("output_size"));
            return out(Pooling.globalAvgPool2d(in.get("x")));
        });
        ops.put("group_norm", (in, p) -> out(GroupNorm.apply(in.get("x"), integer(p, "num_groups"), in.get("w"), in.get("b"), num(p, "eps"))));
        ops.put("batch_norm_eval", (in, p) -> out(BatchNorm.evalForward(in.get("x"), in.get("running_mean"), in.get("running_var"),
                in.get("w"), in.get("b"), num(p, "eps"))));
        ops.put("batch_norm_train", (in, p) -> {
            Tensor[] r = BatchNorm.trainForward(in.get("x"), in.get("running_mean"), in.get("running_var"), in.get("w"), in.get("b"),
                    num(p, "eps"), num(p, "momentum"));
            Map<String, Tensor> m = out(r[0]);
            m.put("running_mean_out", r[1]);
            m.put("running_var_out", r[2]);
            return m;
        });

        ops.put("bce_with_logits", (in, p) -> out(BceWithLogits.apply(in.get("x"), in.get("y"), in.get("pos_weight"),
                Reduction.parse((String) p.get("reduction")))));
        ops.put("neg_logsigmoid_sum", (in, p) -> out(NegativeSampling.negLogSigmoidSum(in.get("pos"), in.get("neg"))));
        ops.put("neg_sampling_loss", (in, p) -> out(NegativeSampling.loss(in.get("center"), in.get("pos"), in.get("neg"))));
        ops.put("infonce_symmetric", (in, p) -> {
            Map<String, Tensor> m = out(Contrastive.infoNce(in.get("z1"), in.get("z2"), num(p, "temperature"), true, null));
            m.put("logits", Contrastive.logits(in.get("z1"), in.get("z2"), num(p, "temperature")));
            return m;
        });
        ops.put("nt_xent", (in, p) -> out(Contrastive.ntXent(in.get("z1"), in.get("z2"), num(p, "temperature"))));

        ops.put("multihead_attention", (in, p) -> {
            MultiheadAttention mha = new MultiheadAttention(integer(p, "embed_dim"), integer(p, "num_heads"), Boolean.TRUE.equals(p.get("bias")),
                    num(p, "dropout"), new Rng(0));
            bind(mha, in);
            boolean self = Boolean.TRUE.equals(p.get("self_attention"));
            Tensor q = self ? in.get("x") : in.get("query");
            Tensor k = self ? q : in.get("key"), v = self ? q : in.get("value");
            Tensor[] r = mha.forwardWithWeights(q, k, v, Boolean.TRUE.equals(p.get("causal")), in.get("key_padding_mask"));
            Map<String, Tensor> m = out(r[0]);
            m.put("attn_weights_avg", r[1]);
            return m;
        });
        ops.put("transformer_encoder_layer", (in, p) -> {
            TransformerEncoderLayer l = new TransformerEncoderLayer(integer(p, "d_model"), integer(p, "nhead"), integer(p, "dim_feedforward"),
                    num(p, "dropout"), Activation.parse((String) p.get("activation")), num(p, "layer_norm_eps"),
                    Boolean.TRUE.equals(p.get("norm_first")), new Rng(0));
            bind(l, in);
            return out(l.forward(in.get("x"), false, in.get("src_key_padding_mask")));
        });
        ops.put("rta_decoder_layer", (in, p) -> {
            RtaDecoderLayer l = new RtaDecoderLayer(integer(p, "d_model"), integer(p, "nhead"), integer(p, "dim_feedforward"), integer(p, "max_len"),
                    num(p, "dropout"), Activation.parse((String) p.get("activation")), num(p, "layer_norm_eps"), new Rng(0));
            bind(l, in);
            return out(l.forward(in.get("x"), in.get("key_padding_mask")));
        });
        ops.put("xlnet_rel_shift_bnij", (in, p) -> out(RelativePositions.relShift(in.get("x"), integer(p, "klen"))));
        ops.put("xlnet_rel_attn", (in, p) -> {
            XLNetRelativeAttention a = new XLNetRelativeAttention(integer(p, "d_model"), integer(p, "n_head"), integer(p, "d_head"),
                    num(p, "layer_norm_eps"), 0, new Rng(0));
            bind(a, in);
            Tensor h = in.get("h");
            Tensor pos = RelativePositions.sinusoid(h.size(1), h.size(1), integer(p, "d_model"), h.dtype());
            Map<String, Tensor> m = out(a.forward(h, pos, null));
            m.put("pos_emb", pos);
            return m;
        });
        ops.put("xlnet_stack", (in, p) -> {
            XLNetStack s = new XLNetStack(integer(p, "n_layer"), integer(p, "d_model"), integer(p, "n_head"), integer(p, "d_head"),
                    integer(p, "d_inner"), Activation.parse((String) p.get("ff_activation")), num(p, "layer_norm_eps"), num(p, "dropout"), new Rng(0));
            bind(s, in);
            Tensor h = in.get("h");
            List<Tensor> hs = s.forwardAll(h, null);
            Map<String, Tensor> m = out(hs.get(hs.size() - 1));
            m.put("pos_emb", RelativePositions.sinusoid(h.size(1), h.size(1), integer(p, "d_model"), h.dtype()));
            for (int i = 1; i < hs.size() - 1; i++) m.put("hidden_" + i, hs.get(i));
            return m;
        });

        ops.put("hubert_small", (in, p) -> {
            @SuppressWarnings("unchecked")
            HubertModel m = new HubertModel(HubertConfig.fromHf((Map<String, Object>) p.get("config")), new Rng(0));
            m.eval();
            bind(m, in);
            HubertModel.Output o = m.forward(in.get("input_values"), null);
            Map<String, Tensor> r = out(o.last());
            r.put("extract_features", o.extractFeatures());
            for (int i = 0; i < o.hiddenStates().size(); i++) r.put("hidden_states." + i, o.hiddenStates().get(i));
            return r;
        });

        ops.put("musicnn", (in, p) -> {
            MusiCnn m = new MusiCnn(integer(p, "timbral_filters"), integer(p, "temporal_filters"), integer(p, "midend_filters"),
                    integer(p, "dense_units"), integer(p, "n_classes"), new Rng(0));
            m.eval();
            bind(m, in);
            MusiCnn.Output o = m.forward(in.get("x"));
            Map<String, Tensor> r = out(o.probabilities());
            r.put("frontend", o.frontend());
            r.put("pooled", o.pooled());
            r.put("penultimate", o.penultimate());
            r.put("logits", o.logits());
            return r;
        });

        ops.put("efficientnet_b0_1ch", (in, p) -> {
            EfficientNetB0 m = new EfficientNetB0(integer(p, "in_channels"), ((Number) ((List<?>) p.get("bn_eps")).get(0)).doubleValue(), new Rng(0));
            m.eval();
            bind(m, in);
            EfficientNetB0.Output o = m.forward(in.get("x"));
            Map<String, Tensor> r = out(o.pooled());
            r.put("feature_map", o.featureMap());
            return r;
        });

        ops.put("optimizer", OptimizerCase::run);
        ops.put("clip_grad_norm", OptimizerCase::clip);
        ops.put("lr_schedule", OptimizerCase::schedule);
    }

    /** Binds the fixture tensors as the module's parameters (same objects) and copies its buffers (running statistics). */
    static void bind(Module m, Map<String, Tensor> in) {
        Map<String, Tensor> named = new LinkedHashMap<>();
        for (String k : m.namedParameters().keySet()) {
            Tensor t = in.get(k);
            if (t == null) throw new IllegalArgumentException("fixture lacks parameter '" + k + "' of " + m.getClass().getSimpleName());
            named.put(k, t);
        }
        m.bindParameters(named);
        Map<String, Tensor> buffers = new LinkedHashMap<>();
        for (String k : m.namedBuffers().keySet()) {
            Tensor t = in.get(k);
            if (t == null) throw new IllegalArgumentException("fixture lacks buffer '" + k + "' of " + m.getClass().getSimpleName());
            buffers.put(k, t);
        }
        if (!buffers.isEmpty()) m.loadStateDict(buffers, false);
    }

    static int integer(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (v instanceof List<?> l) return ((Number) l.get(0)).intValue();
        return (int) num(p, key);
    }

    static int[] ints(Object o) {
        if (o instanceof Number n) return new int[]{n.intValue(), n.intValue()};
        List<?> l = (List<?>) o;
        int[] r = new int[l.size()];
        for (int i = 0; i < r.length; i++) r[i] = ((Number) l.get(i)).intValue();
        return r;
    }

    static Tensor f64(double... v) { return Tensor.of(v, v.length).to(DType.F64); }
}
