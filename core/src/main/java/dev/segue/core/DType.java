package dev.segue.core;

/** Element types, with their safetensors / numpy names and sizes in bytes. */
public enum DType {
    F32("F32", "f4", 4), F64("F64", "f8", 8), F16("F16", "f2", 2), BF16("BF16", null, 2),
    I64("I64", "i8", 8), I32("I32", "i4", 4), I16("I16", "i2", 2), I8("I8", "i1", 1), U8("U8", "u1", 1),
    BOOL("BOOL", "b1", 1);

    /** Name in a safetensors header. */
    public final String safetensorsName;
    /** Numpy type code without byte-order character ({@code null}: numpy has none). */
    public final String numpyCode;
    public final int bytes;

    DType(String st, String np, int bytes) { this.safetensorsName = st; this.numpyCode = np; this.bytes = bytes; }

    public boolean isFloating() { return this == F32 || this == F64 || this == F16 || this == BF16; }

    public static DType fromSafetensors(String name) {
        for (DType d : values()) if (d.safetensorsName.equals(name)) return d;
        throw new IllegalArgumentException("unsupported safetensors dtype '" + name + "'");
    }

    public static DType fromNumpy(String code) {
        for (DType d : values()) if (code.equals(d.numpyCode)) return d;
        throw new IllegalArgumentException("unsupported numpy dtype '" + code + "'");
    }
}
