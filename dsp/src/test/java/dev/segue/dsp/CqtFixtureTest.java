package dev.segue.dsp;

import dev.segue.dsp.resample.ResampleMode;
import dev.segue.dsp.spectral.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CqtFixtureTest {
    static List<String> cqtCases() { return Fixture.names("cqt__"); }
    static List<String> chromaCqtCases() { return Fixture.names("chroma_cqt__"); }
    static List<String> chromaStftCases() { return Fixture.names("chroma_stft__"); }

    static CqtParams params(Fixture f) {
        var p = f.params();
        Object fmin = p.get("fmin");
        return new CqtParams((int) f.param("hop_length"), fmin == null ? CqtParams.C1 : ((Number) fmin).doubleValue(),
                (int) f.param("n_bins"), (int) f.param("bins_per_octave"), f.param("tuning"), f.param("filter_scale"),
                f.param("sparsity"), (Boolean) p.get("scale"), PadMode.parse((String) p.get("pad_mode")),
                ResampleMode.parse((String) p.get("res_type")));
    }

    @ParameterizedTest @MethodSource("cqtCases")
    void cqt(String name) {
        Fixture f = Fixture.load(name);
        CqtParams p = params(f);
        var c = Cqt.cqt(f.floats("y"), f.sr(), p);
        Compare.shape(f, "C.re", c.rows(), c.cols());
        assertTrue(Compare.err(Cqt.frequencies(p.nBins(), p.fmin(), p.binsPerOctave(), p.tuning()), f.doubles("freqs")).peakRel() <= 1e-12);
        Compare.check(f, "C", Compare.errComplex(c.re(), c.im(), f.floats("C.re"), f.floats("C.im")), 1e-4);
        Compare.check(f, "C_mag", Compare.err(c.magnitude().data(), f.floats("C_mag")), 1e-4);
    }

    @Test
    void cqtFrequencies() {
        Fixture f = Fixture.load("cqt_frequencies__n84_fminC1");
        assertTrue(Compare.err(Cqt.frequencies(84, CqtParams.C1, 12, 0.0), f.doubles("freqs")).peakRel() <= 1e-12);
    }

    @ParameterizedTest @MethodSource("chromaCqtCases")
    void chromaCqt(String name) {
        Fixture f = Fixture.load(name);
        var p = f.params();
        Object t = p.get("tuning");
        double tuning = t == null ? Tuning.estimate(f.floats("y"), f.sr(), (int) f.param("bins_per_octave")) : ((Number) t).doubleValue();
        assertEquals(f.doubles("tuning")[0], tuning, 1e-12, name + " tuning");
        var ch = Chroma.cqt(f.floats("y"), f.sr(), (int) f.param("hop_length"), (int) f.param("n_chroma"), (int) f.param("n_octaves"),
                (int) f.param("bins_per_octave"), tuning, CqtParams.defaults());
        Compare.shape(f, "chroma", ch.rows(), ch.cols());
        Compare.check(f, "chroma", Compare.err(ch.data(), f.floats("chroma")), 1e-4);
    }

    @ParameterizedTest @MethodSource("chromaStftCases")
    void chromaStft(String name) {
        Fixture f = Fixture.load(name);
        var p = f.params();
        StftParams sp = new StftParams((int) f.param("n_fft"), (int) f.param("hop_length"), (int) f.param("n_fft"), Window.HANN, true, PadMode.CONSTANT);
        Object t = p.get("tuning");
        int nChroma = (int) f.param("n_chroma");
        double tuning = t == null ? Chroma.stftTuning(f.floats("y"), f.sr(), sp, nChroma) : ((Number) t).doubleValue();
        assertEquals(f.doubles("tuning")[0], tuning, 1e-12, name + " tuning");
        var ch = Chroma.stft(f.floats("y"), f.sr(), sp, nChroma, tuning);
        Compare.check(f, "chroma", Compare.err(ch.data(), f.floats("chroma")), 1e-4);
    }
}
