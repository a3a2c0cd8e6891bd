package dev.segue.core;

import java.util.Arrays;

/** Static helpers for shapes and strides (row-major, element units). */
public final class Shape {
    private Shape() {}

    public static int numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + str(shape));
            n *= d;
        }
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31-1 elements");
        return (int) n;
    }

    /** Row-major strides of a contiguous tensor of this shape. */
    public static int[] contiguousStrides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) { s[i] = acc; acc *= Math.max(shape[i], 1); }
        return s;
    }

    public static String str(int[] shape) { return Arrays.toString(shape); }

    /** A dimension index that may be negative (counted from the end), checked against the rank. */
    public static int dim(int dim, int rank, String op) {
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= Math.max(rank, 1))
            throw new IllegalArgumentException(op + ": dimension " + dim + " out of range for rank " + rank);
        return d;
    }

    /** NumPy broadcasting of two shapes; the error names the op and both shapes. */
    public static int[] broadcast(int[] a, int[] b, String op) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1)
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b) + " cannot be broadcast");
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** The dims (sorted, de-duplicated, non-negative) of a reduction; null or empty means all dims. */
    public static int[] reduceDims(int[] dims, int rank, String op) {
        if (dims == null || dims.length == 0) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) all[i] = i;
            return all;
        }
        boolean[] seen = new boolean[Math.max(rank, 1)];
        for (int d : dims) {
            int n = dim(d, rank, op);
            if (seen[n]) throw new IllegalArgumentException(op + ": dimension " + d + " repeated");
            seen[n] = true;
        }
        int[] out = new int[dims.length];
        int k = 0;
        for (int i = 0; i < seen.length; i++) if (seen[i]) out[k++] = i;
        return Arrays.copyOf(out, k);
    }

    /** The shape after reducing {@code dims}: kept as size 1 or removed. */
    public static int[] reducedShape(int[] shape, int[] dims, boolean keepdim) {
        boolean[] red = new boolean[shape.length];
        for (int d : dims) red[d] = true;
        int[] out = new int[keepdim ? shape.length : shape.length - dims.length];
        int k = 0;
        for (int i = 0; i < shape.length; i++) {
            if (red[i]) { if (keepdim) out[k++] = 1; }
            else out[k++] = shape[i];
        }
        return out;
    }

    public static boolean equal(int[] a, int[] b) { return Arrays.equals(a, b); }
}
