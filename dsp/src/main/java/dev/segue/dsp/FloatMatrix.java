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
}
