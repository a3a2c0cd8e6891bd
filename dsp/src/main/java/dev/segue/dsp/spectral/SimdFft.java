package dev.segue.dsp.spectral;

/** Vectorised Stockham stage of {@link RealFft} (falls back to the scalar stage without the Vector API). */
final class SimdFft {
    private SimdFft() {}

    static final int LANES;
    static {
        int l;
        try {
            l = dev.segue.dsp.Kernels.vectorized() ? VectorFftStage.SPECIES.length() : Integer.MAX_VALUE;
        } catch (Throwable e) {
            l = Integer.MAX_VALUE;
        }
        LANES = l;
    }

    static void stage(double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int h, int s) {
        VectorFftStage.stage(xr, xi, yr, yi, wr, wi, h, s);
    }
}
