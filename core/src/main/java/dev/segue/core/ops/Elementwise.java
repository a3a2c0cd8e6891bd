package dev.segue.core.ops;

import dev.segue.core.Backend;
import dev.segue.core.Backend.Binary;
import dev.segue.core.Backend.Unary;
import dev.segue.core.DType;
import dev.segue.core.Rng;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Autograd;

/** Elementwise ops with NumPy broadcasting and type promotion; each with its backward. */
public final class Elementwise {
    private Elementwise() {}

    static DType promote(DType a, DType b) {
        if (a == DType.F64 || b == DType.F64) return DType.F64;
        if (a == DType.F32 || b == DType.F32) return DType.F32;
        if (a == DType.I64 || b == DType.I64) return DType.I64;
        return DType.I32;
    }

    public static Tensor cast(Tensor x, DType dtype) {
        if (x.dtype() == dtype) return x;
        Tensor out = Tensor.empty(x.backend(), dtype, x.shape());
        x.backend().copy(x, out);
        if (!dtype.isFloating() || !x.dtype().isFloating()) return out;
        DType from = x.dtype();
        return Autograd.record("to_" + dtype, out, g -> new Tensor[]{cast(g, from)}, x);
    }

    public static Tensor binary(Binary op, Tensor a, Tensor b) {
        String name = op.name().toLowerCase();
        int[] shape = Shape.broadcast(a.shape(), b.shape(), name);
        DType dt = promote(a.dtype(), b.dtype());
        Tensor ac = cast(a, dt), bc = cast(b, dt);
        Tensor out = Tensor.empty(a.backend(), dt, shape);
        a.backend().binary(op, ac.expand(shape), bc.expand(shape), out);
        int[] sa = a.shape(), sb = b.shape();
        return Autograd.record(name, out, g -> {
            switch (op) {
                case ADD: return new Tensor[]{g.sumTo(sa), g.sumTo(sb)};
                case SUB: return new Tensor[]{g.sumTo(sa), g.neg().sumTo(sb)};
                case MUL: return new Tensor[]{g.mul(bc).sumTo(sa), g.mul(ac).sumTo(sb)};
                case DIV: return new Tensor[]{g.div(bc).sumTo(sa), g.mul(out).div(bc).neg().sumTo(sb)};
                case POW: return new Tensor[]{
                        g.mul(bc).mul(ac.pow(bc.sub(1.0))).sumTo(sa),
                        b.requiresGrad() ? g.mul(out).mul(ac.log()).sumTo(sb) : null};
                case MAX: case MIN: {
                    // the winner takes the gradient; a tie splits it in half (PyTorch)
                    Tensor aWins = op == Binary.MAX ? ac.gt(bc) : ac.lt(bc);
                    Tensor tie = ac.eq(bc).mul(0.5);
                    Tensor wa = aWins.add(tie), wb = wa.neg().add(1.0);
                    return new Tensor[]{g.mul(wa).sumTo(sa), g.mul(wb).sumTo(sb)};
                }
                default: throw new IllegalStateException(name + " has no gradient");
            }
        }, a, b);
    }

    /** Comparison: 1.0 where true, 0.0 elsewhere (float32; no gradient). */
    public static Tensor compare(Binary op, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast(a.shape(), b.shape(), op.name().toLowerCase());
        DType dt = promote(a.dtype(), b.dtype());
        Tensor out = Tensor.empty(a.backend(), dt.isFloating() ? dt : DType.F32, shape);
        Tensor ac = cast(a, out.dtype()).detach(), bc = cast(b, out.dtype()).detach();
        a.backend().binary(op, ac.expand(shape), bc.expand(shape), out);
        return out;
    }

    /** s·x + t. */
    public static Tensor affine(Tensor x, double s, double t) {
        Tensor xf = x.dtype().isFloating() ? x : cast(x, DType.F32);
        Tensor out = Tensor.empty(x.backend(), xf.dtype(), x.shape());
        x.backend().unary(Unary.AFFINE, s, t, xf, out);
        return Autograd.record("affine", out, g -> new Tensor[]{s == 1 ? g : g.mul(s)}, x);
    }

    public static Tensor unary(Unary op, Tensor x) { return unary(op, 0, 0, x); }

    public static Tensor unary(Unary op, double p1, double p2, Tensor x) {
        Tensor xf = x.dtype().isFloating() || op == Unary.NEG || op == Unary.ABS ? x : cast(x, DType.F32);
        Tensor out = Tensor.empty(x.backend(), xf.dtype(), x.shape());
        Backend be = x.backend();
        be.unary(op, p1, p2, xf, out);
        return Autograd.record(op.name().toLowerCase(), out, g -> {
            Tensor gx = Tensor.empty(be, xf.dtype(), xf.shape());
            be.unaryBackward(op, p1, p2, xf, out, g, gx);
            return new Tensor[]{gx};
        }, x);
    }

    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast(Shape.broadcast(cond.shape(), a.shape(), "where"), b.shape(), "where");
        DType dt = promote(a.dtype(), b.dtype());
        Tensor ac = cast(a, dt), bc = cast(b, dt);
        Tensor out = Tensor.empty(a.backend(), dt, shape);
        a.backend().where(cond.expand(shape), ac.expand(shape), bc.expand(shape), out);
        int[] sa = a.shape(), sb = b.shape();
        return Autograd.record("where", out, g -> {
            Tensor zero = Tensor.zeros(g.dtype(), 1);
            return new Tensor[]{
                    a.requiresGrad() ? where(cond, g, zero).sumTo(sa) : null,
                    b.requiresGrad() ? where(cond, zero, g).sumTo(sb) : null};
        }, a, b);
    }

    public static Tensor maskedFill(Tensor x, Tensor mask, double value) {
        return where(mask, Tensor.full(x.dtype(), value, 1), x);
    }

    public static Tensor dropout(Tensor x, double p, boolean training, Rng rng) {
        if (p < 0 || p >= 1) {
            if (p == 1 && training) return x.mul(0.0);
            if (p < 0 || p > 1) throw new IllegalArgumentException("dropout: p must be in [0, 1], got " + p);
        }
        if (!training || p == 0) return x;
        // one draw from rng seeds a counter-based mask (a pure function of seed and position): made in
        // parallel, the same for any thread count, and the generator advances by one draw per call
        long seed = rng.nextLong();
        if (x.dtype() != DType.F32) {
            Tensor mask = Tensor.empty(x.backend(), DType.F32, x.shape());
            x.backend().dropoutMask(mask, p, seed);
            return x.mul(mask.to(x.dtype()));
        }
        // float32: the mask is applied on the fly, forward and backward, and never stored
        Tensor out = Tensor.empty(x.backend(), DType.F32, x.shape());
        x.backend().dropout(x.detach().contiguous(), out, p, seed);
        return Autograd.record("dropout", out, g -> {
            Tensor gx = Tensor.empty(g.backend(), DType.F32, g.shape());
            g.backend().dropout(g.contiguous(), gx, p, seed);
            return new Tensor[]{gx};
        }, x);
    }
}
