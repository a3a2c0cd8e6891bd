package dev.segue.nn.layers;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Init;
import dev.segue.nn.Module;

/** y = x·Wᵀ + b; x [..., in] → [..., out]; weight [out, in] (PyTorch layout), bias [out] or none. */
public final class Linear extends Module {

    /** PyTorch's default init: U(±1/√in) for weight and bias (kaiming_uniform with a = √5). */
    public Linear(int in, int out, boolean bias, Rng rng) {
        double bound = 1 / Math.sqrt(in);
        registerParameter("weight", Init.uniform(Tensor.zeros(out, in), -bound, bound, rng));
        if (bias) registerParameter("bias", Init.uniform(Tensor.zeros(out), -bound, bound, rng));
    }

    public Tensor weight() { return param("weight"); }
    public Tensor bias() { return param("bias"); }

    public Tensor forward(Tensor x) { return apply(x, weight(), bias()); }

    /** The functional form: x [..., in], w [out, in], b [out] or null. */
    public static Tensor apply(Tensor x, Tensor w, Tensor b) {
        Tensor y = x.matmul(w.mT());
        return b == null ? y : y.add(b);
    }
}
