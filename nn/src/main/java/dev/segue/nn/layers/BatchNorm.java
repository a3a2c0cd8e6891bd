package dev.segue.nn.layers;

import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Grad;
import dev.segue.nn.Module;

/**
 * BatchNorm1d/2d over channel dim 1 of [N, C], [N, C, L] or [N, C, H, W]. Training normalises with the
 * batch mean and biased variance and updates the running statistics with momentum (running_var takes
 * the unbiased batch variance, as PyTorch does); eval uses the running statistics.
 */
public final class BatchNorm extends Module {
    private final int channels;
    private final double eps, momentum;

    public BatchNorm(int channels, double eps, double momentum) {
        this.channels = channels;
        this.eps = eps;
        this.momentum = momentum;
        registerParameter("weight", Tensor.ones(channels));
        registerParameter("bias", Tensor.zeros(channels));
        registerBuffer("running_mean", Tensor.zeros(channels));
        registerBuffer("running_var", Tensor.ones(channels));
    }

    public Tensor runningMean() { return buffer("running_mean"); }
    public Tensor runningVar() { return buffer("running_var"); }

    public Tensor forward(Tensor x) {
        if (x.dim() < 2 || x.size(1) != channels)
            throw new IllegalArgumentException("BatchNorm(" + channels + "): input must be [N, " + channels + ", …], got " + Shape.str(x.shape()));
        if (!isTraining()) return evalForward(x, runningMean(), runningVar(), param("weight"), param("bias"), eps);
        Tensor[] r = trainForward(x, runningMean(), runningVar(), param("weight"), param("bias"), eps, momentum);
        setBuffer("running_mean", r[1]);
        setBuffer("running_var", r[2]);
        return r[0];
    }

    /** The channel vector [C] shaped to broadcast against x [N, C, …]. */
    static Tensor perChannel(Tensor v, int rank) {
        int[] s = new int[rank];
        java.util.Arrays.fill(s, 1);
        s[1] = v.numel();
        return v.reshape(s);
    }

    static int[] reduceDims(int rank) {
        int[] d = new int[rank - 1];
        d[0] = 0;
        for (int i = 2; i < rank; i++) d[i - 1] = i;
        return d;
    }

    public static Tensor evalForward(Tensor x, Tensor mean, Tensor var, Tensor w, Tensor b, double eps) {
        int r = x.dim();
        Tensor y = x.sub(perChannel(mean, r)).mul(perChannel(var.add(eps).rsqrt(), r));
        if (w != null) y = y.mul(perChannel(w, r));
        return b == null ? y : y.add(perChannel(b, r));
    }

    /** Returns {out, new running_mean, new running_var}. */
    public static Tensor[] trainForward(Tensor x, Tensor runMean, Tensor runVar, Tensor w, Tensor b, double eps, double momentum) {
        int r = x.dim();
        int[] dims = reduceDims(r);
        int n = x.numel() / x.size(1);
        if (n < 2) throw new IllegalArgumentException("BatchNorm in training needs more than one value per channel, got input " + Shape.str(x.shape()));
        Tensor mean = x.mean(dims, true);
        Tensor var = x.var(dims, false, true);
        Tensor y = x.sub(mean).mul(var.add(eps).rsqrt());
        if (w != null) y = y.mul(perChannel(w, r));
        if (b != null) y = y.add(perChannel(b, r));
        Tensor newMean, newVar;
        try (Grad g = Grad.off()) {
            Tensor bm = mean.detach().reshape(x.size(1)), bv = var.detach().reshape(x.size(1)).mul((double) n / (n - 1));
            newMean = runMean.mul(1 - momentum).add(bm.mul(momentum).to(runMean.dtype()));
            newVar = runVar.mul(1 - momentum).add(bv.mul(momentum).to(runVar.dtype()));
        }
        return new Tensor[]{y, newMean, newVar};
    }
}
