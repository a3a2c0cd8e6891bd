package dev.segue.core.conformance;

import dev.segue.core.DType;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.core.io.RawArray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Runs PyTorch reference cases (safetensors + metadata) through the engine: inputs in float32, the
 * forward outputs and the input gradients (the vector-Jacobian product with the stored upstream
 * gradients) compared with the float64 reference by max|y − ref| / max|ref| over finite entries;
 * infinite reference entries must match exactly and integer outputs must be equal.
 */
public final class ConformanceRunner {
    private final Map<String, CaseOp> ops = new LinkedHashMap<>();

    /** A runner with the core ops and every {@link ConformanceOps} provider on the class path. */
    public ConformanceRunner() {
        new CoreCaseOps().register(ops);
        for (ConformanceOps p : ServiceLoader.load(ConformanceOps.class)) p.register(ops);
    }

    public boolean supports(String op) { return ops.containsKey(op); }

    public void register(String op, CaseOp impl) { ops.put(op, impl); }

    /** All *.safetensors cases of a directory, sorted by file name. */
    public static List<Path> caseFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list conformance cases in " + dir + ": " + e.getMessage(), e);
        }
    }

    public CaseResult run(Path file) {
        FixtureCase c;
        try {
            c = FixtureCase.load(file);
        } catch (RuntimeException e) {
            return new CaseResult(file.getFileName().toString(), "?", CaseResult.Status.ERROR, Double.NaN, 0, "cannot read: " + e.getMessage());
        }
        CaseOp op = ops.get(c.op());
        if (op == null) return new CaseResult(c.name(), c.op(), CaseResult.Status.UNSUPPORTED, Double.NaN, c.tolerance(), "no implementation of op '" + c.op() + "'");
        try {
            return run(c, op);
        } catch (RuntimeException | Error e) {
            return new CaseResult(c.name(), c.op(), CaseResult.Status.ERROR, Double.NaN, c.tolerance(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private CaseResult run(FixtureCase c, CaseOp op) {
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (String name : c.inputs()) {
            RawArray a = c.tensors().get(name);
            Tensor t = a.dtype().isFloating() ? Tensor.of(a.toFloats(), a.shape()) : Tensor.ofLongs(a.toLongs(), a.shape());
            if (c.grads().containsKey(name)) t.requiresGrad(true);
            inputs.put(name, t);
        }
        Map<String, Tensor> outs = op.run(inputs, c.params());
        double worst = 0;
        StringBuilder detail = new StringBuilder();
        for (String name : c.outputs()) {
            Tensor y = outs.get(name);
            if (y == null) return new CaseResult(c.name(), c.op(), CaseResult.Status.ERROR, Double.NaN, c.tolerance(), "op produced no output '" + name + "'");
            double e = compare(y, c.tensors().get(name), c.intOutputs().contains(name), name);
            if (e > c.tolerance()) detail.append(name).append(String.format(" %.2e; ", e));
            worst = Math.max(worst, e);
        }
        if (!c.forwardOnly() && !c.upstreamGrads().isEmpty()) {
            Tensor total = null;
            for (Map.Entry<String, String> e : c.upstreamGrads().entrySet()) {
                RawArray g = c.tensors().get(e.getValue());
                Tensor y = outs.get(e.getKey());
                Tensor term = y.mul(Tensor.of(g.toFloats(), g.shape())).sum();
                total = total == null ? term : total.add(term);
            }
            total.backward();
            for (Map.Entry<String, String> e : c.grads().entrySet()) {
                Tensor x = inputs.get(e.getKey());
                Tensor g = x.grad();
                if (g == null) g = Tensor.zeros(x.shape());
                double err = compare(g, c.tensors().get(e.getValue()), false, e.getValue());
                if (err > c.tolerance()) detail.append(e.getValue()).append(String.format(" %.2e; ", err));
                worst = Math.max(worst, err);
            }
        }
        CaseResult.Status st = worst <= c.tolerance() ? CaseResult.Status.PASS : CaseResult.Status.FAIL;
        return new CaseResult(c.name(), c.op(), st, worst, c.tolerance(), detail.toString().trim());
    }

    /** max|y − ref| / max|ref| over finite reference entries; +inf when infinities or integers disagree. */
    static double compare(Tensor y, RawArray ref, boolean integer, String name) {
        if (!Shape.equal(y.shape(), ref.shape()))
            throw new IllegalStateException(name + ": shape " + Shape.str(y.shape()) + ", reference " + Shape.str(ref.shape()));
        if (integer || !ref.dtype().isFloating()) {
            long[] a = y.toLongArray(), b = ref.toLongs();
            for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return Double.POSITIVE_INFINITY;
            return 0;
        }
        double[] a = y.to(DType.F64).toDoubleArray(), b = ref.toDoubles();
        double maxRef = 0, maxDiff = 0;
        for (int i = 0; i < b.length; i++) {
            if (Double.isInfinite(b[i])) {
                if (a[i] != b[i]) return Double.POSITIVE_INFINITY;
                continue;
            }
            if (Double.isNaN(b[i])) continue;
            maxRef = Math.max(maxRef, Math.abs(b[i]));
            double d = Math.abs(a[i] - b[i]);
            if (Double.isNaN(d)) return Double.POSITIVE_INFINITY;
            maxDiff = Math.max(maxDiff, d);
        }
        return maxRef == 0 ? maxDiff : maxDiff / maxRef;
    }

    /** Runs every case of a directory. */
    public List<CaseResult> runAll(Path dir) {
        List<CaseResult> out = new ArrayList<>();
        for (Path f : caseFiles(dir)) out.add(run(f));
        return out;
    }
}
