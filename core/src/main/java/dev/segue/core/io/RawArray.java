package dev.segue.core.io;

import dev.segue.core.DType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An n-dimensional array as stored in a file: dtype, shape and little-endian row-major bytes.
 * The bridge between files (safetensors, npy) and everything else: converts to Java arrays of any
 * numeric type. Shape {@code []} is a scalar with one element.
 */
public record RawArray(DType dtype, int[] shape, ByteBuffer data) {

    public RawArray {
        shape = shape.clone();
        long n = numel(shape);
        if ((long) data.remaining() != n * dtype.bytes)
            throw new IllegalArgumentException("RawArray: " + dtype + Arrays.toString(shape) + " needs "
                    + n * dtype.bytes + " bytes, got " + data.remaining());
        data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    public static long numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n *= d;
        }
        return n;
    }

    public int numel() { return Math.toIntExact(numel(shape)); }

    @Override public int[] shape() { return shape.clone(); }

    // ------------------------------------------------------------ construction from Java arrays

    public static RawArray ofFloats(int[] shape, float[] v) {
        ByteBuffer b = alloc(v.length * 4L);
        b.asFloatBuffer().put(v);
        return new RawArray(DType.F32, shape, b);
    }

    public static RawArray ofDoubles(int[] shape, double[] v) {
        ByteBuffer b = alloc(v.length * 8L);
        b.asDoubleBuffer().put(v);
        return new RawArray(DType.F64, shape, b);
    }

    public static RawArray ofLongs(int[] shape, long[] v) {
        ByteBuffer b = alloc(v.length * 8L);
        b.asLongBuffer().put(v);
        return new RawArray(DType.I64, shape, b);
    }

    public static RawArray ofInts(int[] shape, int[] v) {
        ByteBuffer b = alloc(v.length * 4L);
        b.asIntBuffer().put(v);
        return new RawArray(DType.I32, shape, b);
    }

    private static ByteBuffer alloc(long bytes) {
        return ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }

    // ------------------------------------------------------------ conversion to Java arrays

    /** Element {@code k} as a double, whatever the stored type. */
    public double getDouble(int k) {
        ByteBuffer d = data;
        switch (dtype) {
            case F32: return d.getFloat(4 * k);
            case F64: return d.getDouble(8 * k);
            case F16: return Float.intBitsToFloat(halfToFloatBits(d.getShort(2 * k)));
            case BF16: return Float.intBitsToFloat((d.getShort(2 * k) & 0xffff) << 16);
            case I64: return d.getLong(8 * k);
            case I32: return d.getInt(4 * k);
            case I16: return d.getShort(2 * k);
            case I8: return d.get(k);
            case U8: case BOOL: return d.get(k) & 0xff;
            default: throw new AssertionError(dtype);
        }
    }

    /** Element {@code k} as a long (exact for integer types, truncated for floating types). */
    public long getLong(int k) {
        switch (dtype) {
            case I64: return data.getLong(8 * k);
            case I32: return data.getInt(4 * k);
            default: return (long) getDouble(k);
        }
    }

    public float[] toFloats() {
        int n = numel();
        float[] out = new float[n];
        if (dtype == DType.F32) { data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out); return out; }
        for (int k = 0; k < n; k++) out[k] = (float) getDouble(k);
        return out;
    }

    public double[] toDoubles() {
        int n = numel();
        double[] out = new double[n];
        if (dtype == DType.F64) { data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out); return out; }
        for (int k = 0; k < n; k++) out[k] = getDouble(k);
        return out;
    }

    public long[] toLongs() {
        int n = numel();
        long[] out = new long[n];
        for (int k = 0; k < n; k++) out[k] = getLong(k);
        return out;
    }

    public int[] toInts() {
        int n = numel();
        int[] out = new int[n];
        for (int k = 0; k < n; k++) out[k] = Math.toIntExact(getLong(k));
        return out;
    }

    /** IEEE 754 binary16 → binary32 bits (handles subnormals, inf and NaN). */
    static int halfToFloatBits(short h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) return sign | 0x7f800000 | (mant << 13);
        if (exp == 0) {
            if (mant == 0) return sign;
            int e = -1;
            do { mant <<= 1; e++; } while ((mant & 0x400) == 0);
            mant &= 0x3ff;
            return sign | ((127 - 15 - e) << 23) | (mant << 13);
        }
        return sign | ((exp + 127 - 15) << 23) | (mant << 13);
    }

    @Override public String toString() { return "RawArray[" + dtype + Arrays.toString(shape) + "]"; }
}
