package dev.segue.core.cpu;

import dev.segue.core.Backend.Binary;
import dev.segue.core.Backend.Unary;
import dev.segue.core.DType;
import dev.segue.core.Tensor;

import static dev.segue.core.cpu.CpuBackend.st;

/**
 * Elementwise kernels over strided operands. float32 operands take loops specialised per op (the
 * switch sits outside the inner loop so the JIT vectorises it); other dtypes take a generic path in
 * double precision.
 */
final class ElementwiseKernels {
    private ElementwiseKernels() {}

    private static Strided.Plan plan(Tensor... ts) {
        int[][] strides = new int[ts.length][];
        int[] offs = new int[ts.length];
        for (int k = 0; k < ts.length; k++) { strides[k] = ts[k].strides(); offs[k] = ts[k].offset(); }
        return Strided.plan(ts[ts.length - 1].shape(), strides, offs);
    }

    static void copy(Tensor src, Tensor dst) {
        CpuStorage s = st(src), d = st(dst);
        Strided.Plan p = plan(src, dst);
        if (s.f != null && d.f != null) {
            float[] a = s.f, o = d.f;
            Strided.forEachRow(p, (offs, n, steps) -> {
                int ia = offs[0], io = offs[1], sa = steps[0], so = steps[1];
                if (sa == 1 && so == 1) System.arraycopy(a, ia, o, io, n);
                else for (int j = 0; j < n; j++) o[io + j * so] = a[ia + j * sa];
            });
        } else if (s.l != null && d.l != null) {
            long[] a = s.l, o = d.l;
            Strided.forEachRow(p, (offs, n, steps) -> { for (int j = 0; j < n; j++) o[offs[1] + j * steps[1]] = a[offs[0] + j * steps[0]]; });
        } else if (d.dtype.isFloating() || s.l == null) {
            Strided.forEachRow(p, (offs, n, steps) -> { for (int j = 0; j < n; j++) d.set(offs[1] + j * steps[1], s.get(offs[0] + j * steps[0])); });
        } else {
            Strided.forEachRow(p, (offs, n, steps) -> { for (int j = 0; j < n; j++) d.set(offs[1] + j * steps[1], s.getLong(offs[0] + j * steps[0])); });
        }
    }

    static void fill(Tensor dst, double value) {
        CpuStorage d = st(dst);
        Strided.Plan p = plan(dst);
        if (d.f != null) {
            float v = (float) value;
            Strided.forEachRow(p, (offs, n, steps) -> {
                if (steps[0] == 1) java.util.Arrays.fill(d.f, offs[0], offs[0] + n, v);
                else for (int j = 0; j < n; j++) d.f[offs[0] + j * steps[0]] = v;
            });
        } else {
            Strided.forEachRow(p, (offs, n, steps) -> { for (int j = 0; j < n; j++) d.set(offs[0] + j * steps[0], value); });
        }
    }

    static void unary(Unary op, double p1, double p2, Tensor x, Tensor out) {
        CpuStorage s = st(x), d = st(out);
        Strided.Plan p = plan(x, out);
        if (s.f != null && d.f != null) {
            float[] a = s.f, o = d.f;
            Strided.forEachRow(p, (offs, n, steps) -> unaryF32(op, (float) p1, (float) p2, a, offs[0], steps[0], o, offs[1], steps[1], n));
        } else {
            Strided.forEachRow(p, (offs, n, steps) -> {
                for (int j = 0; j < n; j++) d.set(offs[1] + j * steps[1], UnaryMath.apply(op, s.get(offs[0] + j * steps[0]), p1, p2));
            });
        }
    }

    /** float32 loops for the ops that are hot in training; the rest go through double math per element. */
    private static void unaryF32(Unary op, float p1, float p2, float[] a, int ia, int sa, float[] o, int io, int so, int n) {
        if (sa == 1 && so == 1 && RowKernels.VECTOR) {
            switch (op) {
                case RELU: VectorElementwise.relu(a, ia, o, io, n); return;
                case NEG: VectorElementwise.neg(a, ia, o, io, n); return;
                case AFFINE: VectorElementwise.affine(a, ia, p1, p2, o, io, n, false); return;
                default: break;
            }
        }
        if (sa == 1 && so == 1 && op == Unary.RELU) {
            for (int j = 0; j < n; j++) o[io + j] = Math.max(a[ia + j], 0f);
            return;
        }
        if (sa == 1 && so == 1 && FloatUnary.supports(op)) { FloatUnary.forward(op, a, ia, o, io, n); return; }
        if (sa == 1 && so == 1) {
            switch (op) {
                case NEG: for (int j = 0; j < n; j++) o[io + j] = -a[ia + j]; return;
                case AFFINE: for (int j = 0; j < n; j++) o[io + j] = p1 * a[ia + j] + p2; return;
                case SQUARE: for (int j = 0; j < n; j++) { float v = a[ia + j]; o[io + j] = v * v; } return;
                case ABS: for (int j = 0; j < n; j++) o[io + j] = Math.abs(a[ia + j]); return;
                case SQRT: for (int j = 0; j < n; j++) o[io + j] = (float) Math.sqrt(a[ia + j]); return;
                case EXP: for (int j = 0; j < n; j++) o[io + j] = (float) Math.exp(a[ia + j]); return;
                default: break;
            }
        }
        for (int j = 0; j < n; j++) o[io + j * so] = (float) UnaryMath.apply(op, a[ia + j * sa], p1, p2);
    }

    static void unaryBackward(Unary op, double p1, double p2, Tensor x, Tensor y, Tensor gy, Tensor gx) {
        CpuStorage sx = st(x), sy = st(y), sg = st(gy), so = st(gx);
        Strided.Plan p = plan(x, y, gy, gx);
        if (sx.f != null && sg.f != null && so.f != null && FloatUnary.supports(op)) {
            Strided.forEachRow(p, (offs, n, steps) -> {
                if (steps[0] == 1 && steps[2] == 1 && steps[3] == 1) FloatUnary.backward(op, sx.f, offs[0], sg.f, offs[2], so.f, offs[3], n);
                else for (int j = 0; j < n; j++) {
                    FloatUnary.backward(op, sx.f, offs[0] + j * steps[0], sg.f, offs[2] + j * steps[2], so.f, offs[3] + j * steps[3], 1);
                }
            });
            return;
        }
        Strided.forEachRow(p, (offs, n, steps) -> {
            for (int j = 0; j < n; j++) {
                double xv = sx.get(offs[0] + j * steps[0]);
                double yv = sy.get(offs[1] + j * steps[1]);
                double g = sg.get(offs[2] + j * steps[2]);
                so.set(offs[3] + j * steps[3], g * UnaryMath.derivative(op, xv, yv, p1, p2));
            }
        });
    }

    static void binary(Binary op, Tensor a, Tensor b, Tensor out) {
        CpuStorage sa = st(a), sb = st(b), so = st(out);
        Strided.Plan p = plan(a, b, out);
        if (sa.f != null && sb.f != null && so.f != null) {
            float[] x = sa.f, y = sb.f, o = so.f;
            Strided.forEachRow(p, (offs, n, steps) -> binaryF32(op, x, offs[0], steps[0], y, offs[1], steps[1], o, offs[2], steps[2], n));
        } else {
            Strided.forEachRow(p, (offs, n, steps) -> {
                for (int j = 0; j < n; j++)
                    so.set(offs[2] + j * steps[2], apply(op, sa.get(offs[0] + j * steps[0]), sb.get(offs[1] + j * steps[1])));
            });
        }
    }

    private static void binaryF32(Binary op, float[] x, int ix, int sx, float[] y, int iy, int sy, float[] o, int io, int so, int n) {
        if (sx == 1 && so == 1 && (sy == 1 || sy == 0) && RowKernels.VECTOR) {
            if (sy == 1 ? VectorElementwise.binary(op, x, ix, y, iy, o, io, n) : VectorElementwise.binaryScalar(op, x, ix, y[iy], o, io, n)) return;
        }
        if (sx == 1 && so == 1 && (sy == 1 || sy == 0)) {
            if (sy == 1) {
                switch (op) {
                    case ADD: for (int j = 0; j < n; j++) o[io + j] = x[ix + j] + y[iy + j]; return;
                    case SUB: for (int j = 0; j < n; j++) o[io + j] = x[ix + j] - y[iy + j]; return;
                    case MUL: for (int j = 0; j < n; j++) o[io + j] = x[ix + j] * y[iy + j]; return;
                    case DIV: for (int j = 0; j < n; j++) o[io + j] = x[ix + j] / y[iy + j]; return;
                    default: break;
                }
            } else {
                float c = y[iy];
                switch (op) {
                    case ADD: for (int j = 0; j < n; j++) o[io + j] = x[ix + j] + c; return;
                    case SUB: for (int j = 0; j < n; j++) o[io + j] = x[ix + j] - c; return;
                    case MUL: for (int j = 0; j < n; j++) o[io + j] = x[ix + j] * c; return;
                    case DIV: for (int j = 0; j < n; j++) o[io + j] = x[ix + j] / c; return;
                    default: break;
                }
            }
        }
        for (int j = 0; j < n; j++) o[io + j * so] = (float) apply(op, x[ix + j * sx], y[iy + j * sy]);
    }

    static double apply(Binary op, double a, double b) {
        switch (op) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case POW: return Math.pow(a, b);
            case MAX: return (a != a || b != b) ? Double.NaN : Math.max(a, b);
            case MIN: return (a != a || b != b) ? Double.NaN : Math.min(a, b);
            case EQ: return a == b ? 1 : 0;
            case NE: return a != b ? 1 : 0;
            case LT: return a < b ? 1 : 0;
            case LE: return a <= b ? 1 : 0;
            case GT: return a > b ? 1 : 0;
            case GE: return a >= b ? 1 : 0;
            default: throw new AssertionError(op);
        }
    }

    static void where(Tensor cond, Tensor a, Tensor b, Tensor out) {
        CpuStorage sc = st(cond), sa = st(a), sb = st(b), so = st(out);
        Strided.Plan p = plan(cond, a, b, out);
        Strided.forEachRow(p, (offs, n, steps) -> {
            for (int j = 0; j < n; j++) {
                boolean c = sc.get(offs[0] + j * steps[0]) != 0;
                so.set(offs[3] + j * steps[3], c ? sa.get(offs[1] + j * steps[1]) : sb.get(offs[2] + j * steps[2]));
            }
        });
    }

    static boolean isF32(Tensor t) { return t.dtype() == DType.F32; }

    static void dropoutMask(Tensor out, double p, long seed) { dropout(null, out, p, seed); }

    /** The threshold of {@link #keep} for drop probability p: u·2^24 &lt; p·2^24 ⟺ bits &lt; ⌈p·2^24⌉ (p·2^24 is exact). */
    static int dropThreshold(double p) { return (int) Math.ceil(p * 0x1p24); }

    /**
     * out = x · mask (x null: out = mask), the mask of {@link dev.segue.core.Backend#dropoutMask}
     * computed on the fly: no mask tensor is stored or read, and the backward recomputes it from the seed.
     */
    static void dropout(Tensor x, Tensor out, double p, long seed) {
        if (!out.isContiguous() || out.dtype() != DType.F32 || (x != null && (!x.isContiguous() || x.dtype() != DType.F32 || x.numel() != out.numel())))
            throw new IllegalArgumentException("dropout: x and out must be contiguous float32 of the same size, got "
                    + (x == null ? "" : x.dtype() + dev.segue.core.Shape.str(x.shape()) + " and ") + out.dtype() + dev.segue.core.Shape.str(out.shape()));
        float scale = (float) (1 / (1 - p));
        int threshold = dropThreshold(p);
        int lo = (int) seed, hi = (int) (seed >>> 32);
        float[] o = st(out).f, a = x == null ? null : st(x).f;
        int off = out.offset(), xo = x == null ? 0 : x.offset();
        Parallel.forRange(out.numel(), 1 << 15, (from, to) -> dropoutRange(a, xo, o, off, from, to, lo, hi, threshold, scale));
    }

    /**
     * o[off + i] = a[xo + i] · f_i for mask positions i in [from, to) (a null: o = f_i), f_i = 0 or scale by
     * {@link #keep}: the vector loop when the Vector API is there. Also the fused attention's dropout, on tile rows.
     */
    static void dropoutRange(float[] a, int xo, float[] o, int off, int from, int to, int lo, int hi, int threshold, float scale) {
        if (RowKernels.VECTOR) VectorElementwise.dropout(a, xo, o, off, from, to, lo, hi, threshold, scale);
        else dropoutScalar(a, xo, o, off, from, to, lo, hi, threshold, scale);
    }

    /**
     * 1 if position i is kept, else 0: two rounds of lowbias32 keyed by the seed's halves, top 24 bits
     * against the threshold. Int-only and branch-free, so C2 inlines it and vectorises the loops below.
     */
    static int keep(int i, int lo, int hi, int threshold) {
        int x = i + lo;
        x ^= x >>> 16; x *= 0x7feb352d; x ^= x >>> 15; x *= 0x846ca68b; x ^= x >>> 16;
        x ^= hi;
        x ^= x >>> 16; x *= 0x7feb352d; x ^= x >>> 15; x *= 0x846ca68b; x ^= x >>> 16;
        return 1 - (((x >>> 8) - threshold) >>> 31);
    }

    /** The scalar dropout loop (a null: the mask itself): the reference of {@link VectorElementwise#dropout}. */
    static void dropoutScalar(float[] a, int xo, float[] o, int off, int from, int to, int lo, int hi, int threshold, float scale) {
        if (a == null) for (int i = from; i < to; i++) o[off + i] = keep(i, lo, hi, threshold) * scale;
        else for (int i = from; i < to; i++) o[off + i] = a[xo + i] * (keep(i, lo, hi, threshold) * scale);
    }
}
