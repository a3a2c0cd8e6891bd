package dev.segue.dsp.spectral;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** The Vector API body of a Stockham stage; s is a multiple of the lane count. */
final class VectorFftStage {
    private VectorFftStage() {}

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    static void stage(double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int h, int s) {
        int l = SPECIES.length();
        for (int p = 0; p < h; p++) {
            DoubleVector c = DoubleVector.broadcast(SPECIES, wr[p]), d = DoubleVector.broadcast(SPECIES, wi[p]);
            int ia = s * p, ib = s * (p + h), o0 = s * 2 * p, o1 = o0 + s;
            for (int q = 0; q < s; q += l) {
                DoubleVector a0 = DoubleVector.fromArray(SPECIES, xr, ia + q), a1 = DoubleVector.fromArray(SPECIES, xi, ia + q);
                DoubleVector b0 = DoubleVector.fromArray(SPECIES, xr, ib + q), b1 = DoubleVector.fromArray(SPECIES, xi, ib + q);
                a0.add(b0).intoArray(yr, o0 + q);
                a1.add(b1).intoArray(yi, o0 + q);
                DoubleVector dr = a0.sub(b0), di = a1.sub(b1);
                dr.mul(c).sub(di.mul(d)).intoArray(yr, o1 + q);
                dr.mul(d).add(di.mul(c)).intoArray(yi, o1 + q);
            }
        }
    }
}
