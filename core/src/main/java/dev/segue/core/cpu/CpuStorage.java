package dev.segue.core.cpu;

import dev.segue.core.Backend;
import dev.segue.core.DType;
import dev.segue.core.Storage;

/** A Java array owned by the CPU backend: exactly one of f/d/i/l is non-null, matching the dtype. */
final class CpuStorage implements Storage {
    final DType dtype;
    final float[] f;
    final double[] d;
    final int[] i;
    final long[] l;
    private final Backend backend;

    CpuStorage(Backend backend, DType dtype, int size) {
        this.backend = backend;
        this.dtype = dtype;
        float[] f0 = null; double[] d0 = null; int[] i0 = null; long[] l0 = null;
        switch (dtype) {
            case F32: f0 = new float[size]; break;
            case F64: d0 = new double[size]; break;
            case I32: i0 = new int[size]; break;
            case I64: l0 = new long[size]; break;
            default: throw new IllegalArgumentException("the CPU backend stores F32, F64, I32 and I64 tensors, not " + dtype);
        }
        f = f0; d = d0; i = i0; l = l0;
    }

    CpuStorage(Backend backend, Object array) {
        this.backend = backend;
        if (array instanceof float[]) { dtype = DType.F32; f = (float[]) array; d = null; i = null; l = null; }
        else if (array instanceof double[]) { dtype = DType.F64; d = (double[]) array; f = null; i = null; l = null; }
        else if (array instanceof int[]) { dtype = DType.I32; i = (int[]) array; f = null; d = null; l = null; }
        else if (array instanceof long[]) { dtype = DType.I64; l = (long[]) array; f = null; d = null; i = null; }
        else throw new IllegalArgumentException("cannot make a CPU storage from " + (array == null ? "null" : array.getClass().getSimpleName()));
    }

    @Override public Backend backend() { return backend; }
    @Override public DType dtype() { return dtype; }
    @Override public int size() {
        return f != null ? f.length : d != null ? d.length : i != null ? i.length : l.length;
    }

    double get(int k) {
        if (f != null) return f[k];
        if (d != null) return d[k];
        if (l != null) return l[k];
        return i[k];
    }

    long getLong(int k) {
        if (l != null) return l[k];
        if (i != null) return i[k];
        return (long) get(k);
    }

    void set(int k, double v) {
        if (f != null) f[k] = (float) v;
        else if (d != null) d[k] = v;
        else if (l != null) l[k] = (long) v;
        else i[k] = (int) v;
    }
}
