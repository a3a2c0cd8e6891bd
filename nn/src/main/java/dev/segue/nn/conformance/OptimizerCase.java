package dev.segue.nn.conformance;

import dev.segue.core.Tensor;
import dev.segue.nn.optim.Adam;
import dev.segue.nn.optim.GradClip;
import dev.segue.nn.optim.LrSchedule;
import dev.segue.nn.optim.Optimizer;
import dev.segue.nn.optim.ParamGroup;
import dev.segue.nn.optim.Scheduler;
import dev.segue.nn.optim.Sgd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixture cases for optimizer steps, gradient clipping and learning-rate schedules. */
final class OptimizerCase {
    private OptimizerCase() {}

    @SuppressWarnings("unchecked")
    static Map<String, Tensor> run(Map<String, Tensor> in, Map<String, Object> p) {
        Map<String, Object> h = (Map<String, Object>) p.get("hyper");
        List<String> names = (List<String>) p.get("param_names");
        int steps = NnCaseOps.integer(p, "steps");
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (String n : names) params.put(n, in.get(n).copy().requiresGrad(true));
        List<ParamGroup> groups = List.of(new ParamGroup(params, dev.segue.core.conformance.CoreCaseOps.num(h, "lr"), dev.segue.core.conformance.CoreCaseOps.num(h, "weight_decay")));
        String kind = (String) p.get("optimizer");
        Optimizer opt;
        List<String> buffers;
        if (kind.equals("sgd")) {
            opt = new Sgd(groups, dev.segue.core.conformance.CoreCaseOps.num(h, "momentum"), dev.segue.core.conformance.CoreCaseOps.num(h, "dampening"), Boolean.TRUE.equals(h.get("nesterov")));
            buffers = List.of("momentum_buffer");
        } else {
            List<?> betas = (List<?>) h.get("betas");
            Adam.Variant v = switch (kind) {
                case "adam" -> Adam.Variant.ADAM;
                case "adamw" -> Adam.Variant.ADAMW;
                case "adamw_hf" -> Adam.Variant.ADAMW_HF;
                default -> throw new UnsupportedOperationException("optimizer '" + kind + "'");
            };
            if (v == Adam.Variant.ADAMW_HF && Boolean.FALSE.equals(h.get("correct_bias")))
                throw new UnsupportedOperationException("adamw_hf without bias correction");
            opt = new Adam(groups, v, ((Number) betas.get(0)).doubleValue(), ((Number) betas.get(1)).doubleValue(), dev.segue.core.conformance.CoreCaseOps.num(h, "eps"));
            buffers = List.of("exp_avg", "exp_avg_sq");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int s = 1; s <= steps; s++) {
            for (String n : names) params.get(n).setGrad(in.get("g" + s + "." + n));
            opt.step();
            for (String n : names) out.put("p" + s + "." + n, params.get(n).detach().copy());
        }
        for (String b : buffers) for (String n : names) out.put("state." + b + "." + n, opt.stateTensor(b, n));
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Tensor> clip(Map<String, Tensor> in, Map<String, Object> p) {
        List<String> names = (List<String>) p.get("param_names");
        if (dev.segue.core.conformance.CoreCaseOps.num(p, "norm_type") != 2) throw new UnsupportedOperationException("clip_grad_norm with norm type " + p.get("norm_type"));
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (String n : names) {
            Tensor g = in.get("g." + n);
            Tensor t = Tensor.zeros(g.shape()).requiresGrad(true);
            t.setGrad(g);
            params.put(n, t);
        }
        double total = GradClip.clipGradNorm(params.values(), dev.segue.core.conformance.CoreCaseOps.num(p, "max_norm"));
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("total_norm", Tensor.of(new double[]{total}));
        for (String n : names) out.put("clipped." + n, params.get(n).grad());
        return out;
    }

    static Map<String, Tensor> schedule(Map<String, Tensor> in, Map<String, Object> p) {
        String kind = (String) p.get("schedule");
        LrSchedule s = switch (kind) {
            case "linear" -> LrSchedule.linearWarmup(NnCaseOps.integer(p, "num_warmup_steps"), NnCaseOps.integer(p, "num_training_steps"));
            case "step" -> LrSchedule.stepDecay(NnCaseOps.integer(p, "step_size"), dev.segue.core.conformance.CoreCaseOps.num(p, "gamma"));
            default -> throw new UnsupportedOperationException("lr schedule '" + kind + "'");
        };
        // drive a real optimizer so the test covers the scheduler, not only the formula
        Tensor w = Tensor.zeros(1).requiresGrad(true);
        Optimizer opt = new Sgd(List.of(new ParamGroup(Map.of("w", w), dev.segue.core.conformance.CoreCaseOps.num(p, "base_lr"), 0)), 0, 0, false);
        Scheduler sch = new Scheduler(opt, s);
        int n = NnCaseOps.integer(p, "num_records");
        double[] lr = new double[n];
        for (int i = 0; i < n; i++) {
            lr[i] = opt.groups().get(0).lr();
            w.setGrad(Tensor.zeros(1));
            opt.step();
            sch.advance();
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("lr", NnCaseOps.f64(lr));
        return out;
    }
}
