package dev.segue.dsp;

/** A dense row-major float matrix: element (r, c) is {@code data[r * cols + c]}. Layout of every spectrogram: [bins, frames]. */
public record FloatMatrix(int rows, int cols, float[] data) {
    public FloatMatrix {
        if (rows < 0 || cols < 0 || (long) rows * cols != data.length)
            throw new IllegalArgumentException("FloatMatrix " + rows + "x" + cols + " needs " + (long) rows * cols + " values, got " + data.length);
    }

    public static FloatMatrix zeros(int rows, int cols) { return new FloatMatrix(rows, cols, new float[Math.multiplyExact(rows, cols)]); }

    public float get(int r, int c) { return data[r * cols + c]; }

    /** [cols, rows]. */
    public FloatMatrix transpose() {
        float[] t = new float[data.length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) t[c * rows + r] = data[r * cols + c];
        return new FloatMatrix(cols, rows, t);
    }

    /** This matrix as an engine tensor [rows, cols] (a copy). */
    public dev.segue.core.Tensor toTensor() { return dev.segue.core.Tensor.of(data, rows, cols); }

    /** A 2-D float tensor as a matrix (a contiguous copy); other ranks are an error naming the shape. */
    public static FloatMatrix of(dev.segue.core.Tensor t) {
        int[] s = t.shape();
        if (s.length != 2) throw new IllegalArgumentException("expected a 2-D tensor, got shape " + java.util.Arrays.toString(s));
        return new FloatMatrix(s[0], s[1], t.toFloatArray());
    }
}
