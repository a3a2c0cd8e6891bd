package dev.segue.dsp;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API bodies of {@link Kernels}; only loaded when the incubator module is present. */
final class VectorKernels {
    private VectorKernels() {}

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    static void dbFloat(float[] x, float amin, float[] out) {
        int l = SPECIES.length(), i = 0;
        for (; i + l <= x.length; i += l)
            FloatVector.fromArray(SPECIES, x, i).max(amin).lanewise(jdk.incubator.vector.VectorOperators.LOG10).mul(10f).intoArray(out, i);
        Kernels.dbFloatScalar(x, amin, out, i);
    }

    /**
     * A start index for the scalar search of the first non-finite sample: y.length (rounded down to whole vectors) when
     * the vector pass finds none, else 0 (x * 0 is NaN exactly for NaN and +-Inf, and NaN survives the sums).
     */
    static int finitePrefix(float[] y) {
        int l = SPECIES.length(), i = 0;
        FloatVector acc = FloatVector.zero(SPECIES);
        for (; i + l <= y.length; i += l) acc = acc.add(FloatVector.fromArray(SPECIES, y, i).mul(0f));
        float[] lanes = new float[l];
        acc.intoArray(lanes, 0);
        for (float v : lanes) if (v != v) return 0;
        return i;
    }

    static float dot(float[] a, int ao, float[] b, int bo, int n) {
        int l = SPECIES.length(), i = 0;
        FloatVector acc0 = FloatVector.zero(SPECIES), acc1 = FloatVector.zero(SPECIES);
        for (; i + 2 * l <= n; i += 2 * l) {
            acc0 = FloatVector.fromArray(SPECIES, a, ao + i).fma(FloatVector.fromArray(SPECIES, b, bo + i), acc0);
            acc1 = FloatVector.fromArray(SPECIES, a, ao + i + l).fma(FloatVector.fromArray(SPECIES, b, bo + i + l), acc1);
        }
        for (; i + l <= n; i += l) acc0 = FloatVector.fromArray(SPECIES, a, ao + i).fma(FloatVector.fromArray(SPECIES, b, bo + i), acc0);
        // lanes summed in a fixed order: reduceLanes(ADD) may associate differently once C2-compiled,
        // which would make the same input give different bits depending on JIT timing
        float[] lanes = new float[l];
        acc0.add(acc1).intoArray(lanes, 0);
        float s = 0;
        for (float x : lanes) s += x;
        for (; i < n; i++) s += a[ao + i] * b[bo + i];
        return s;
    }
}
