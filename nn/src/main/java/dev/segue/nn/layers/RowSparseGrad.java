package dev.segue.nn.layers;

import dev.segue.core.Shape;
import dev.segue.core.Tensor;

import java.util.Arrays;

/**
 * A row-sparse gradient of a [V, D] table: the distinct rows a batch touched (ascending) and their
 * summed gradients [n, D]. Large embedding tables use it instead of a dense [V, D] gradient.
 */
public record RowSparseGrad(long[] rows, Tensor values) {

    public RowSparseGrad {
        if (values.dim() != 2 || values.size(0) != rows.length)
            throw new IllegalArgumentException("row-sparse gradient: " + rows.length + " rows but values of shape " + Shape.str(values.shape()));
    }

    /** Sums gradient rows g [n, D] for ids [n] into one entry per distinct id (ascending), padding id dropped. */
    public static RowSparseGrad coalesce(long[] ids, Tensor g, int paddingIdx) {
        long[] rows = Arrays.stream(ids).filter(i -> i != paddingIdx).distinct().sorted().toArray();
        int d = g.size(1);
        float[] gv = g.contiguous().toFloatArray();
        float[] out = new float[rows.length * d];
        for (int k = 0; k < ids.length; k++) {
            if (ids[k] == paddingIdx) continue;
            int r = Arrays.binarySearch(rows, ids[k]);
            for (int j = 0; j < d; j++) out[r * d + j] += gv[k * d + j];
        }
        return new RowSparseGrad(rows, Tensor.of(out, rows.length, d));
    }

    /** The sum of two sparse gradients of the same table (gradient accumulation over micro-batches). */
    public RowSparseGrad plus(RowSparseGrad o) {
        long[] all = new long[rows.length + o.rows.length];
        System.arraycopy(rows, 0, all, 0, rows.length);
        System.arraycopy(o.rows, 0, all, rows.length, o.rows.length);
        return coalesce(all, Tensor.cat(0, values, o.values), -1);
    }

    /** The dense [V, D] equivalent (for tests and small tables). */
    public Tensor toDense(int numRows) {
        int d = values.size(1);
        float[] v = values.toFloatArray(), out = new float[numRows * d];
        for (int r = 0; r < rows.length; r++) System.arraycopy(v, r * d, out, (int) rows[r] * d, d);
        return Tensor.of(out, numRows, d);
    }
}
