package dev.segue.dsp;

/** A complex64 matrix as two row-major float planes, [rows, cols] each (librosa's complex STFT/CQT: [bins, frames]). */
public record ComplexMatrix(int rows, int cols, float[] re, float[] im) {
    public ComplexMatrix {
        if ((long) rows * cols != re.length || re.length != im.length)
            throw new IllegalArgumentException("ComplexMatrix " + rows + "x" + cols + ": planes of " + re.length + " and " + im.length);
    }

    /** |z| in float32 as numpy computes {@code np.abs} of complex64 (hypot). */
    public FloatMatrix magnitude() {
        float[] m = new float[re.length];
        for (int i = 0; i < m.length; i++) m[i] = Spectra.abs(re[i], im[i]);
        return new FloatMatrix(rows, cols, m);
    }

    /** |z|^power in float32 ({@code np.abs(D) ** power}). */
    public FloatMatrix power(double power) {
        float[] m = new float[re.length];
        for (int i = 0; i < m.length; i++) m[i] = Spectra.pow(Spectra.abs(re[i], im[i]), power);
        return new FloatMatrix(rows, cols, m);
    }

    /** This matrix as an engine tensor [2, rows, cols]: real parts, then imaginary parts (librosa's .npy layout here). */
    public dev.segue.core.Tensor toTensor() {
        float[] both = new float[2 * re.length];
        System.arraycopy(re, 0, both, 0, re.length);
        System.arraycopy(im, 0, both, re.length, im.length);
        return dev.segue.core.Tensor.of(both, 2, rows, cols);
    }
}
