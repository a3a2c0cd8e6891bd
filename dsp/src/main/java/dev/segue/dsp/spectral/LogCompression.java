package dev.segue.dsp.spectral;

import dev.segue.dsp.FloatMatrix;

/** log10(1 + C x) elementwise, in float32 (the log compression used by MusiCNN-style front ends). */
public final class LogCompression {
    private LogCompression() {}

    public static float apply(float x, float c) { return (float) Math.log10((float) (c * x) + 1f); }

    public static FloatMatrix apply(FloatMatrix m, float c) {
        float[] o = new float[m.data().length];
        for (int i = 0; i < o.length; i++) o[i] = apply(m.data()[i], c);
        return new FloatMatrix(m.rows(), m.cols(), o);
    }
}
