package dev.segue.dsp.spectral;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * DoubleBatchFft is generated from FloatBatchFft: the element type substituted, the float32 column helpers (gathers,
 * widening) left out. After editing FloatBatchFft, regenerate with {@code java dsp/src/test/java/dev/segue/dsp/spectral/TwinSources.java} from the repository root (it rewrites
 * DoubleBatchFft.java, keeping its class comment); {@link TwinSourcesTest} fails while the two are out of step.
 */
public final class TwinSources {
    private TwinSources() {}

    static final Path DIR = Path.of("src/main/java/dev/segue/dsp/spectral");

    /** The float64 twin of the float32 source, with the class comment of the current float64 source. */
    static String generate(String f, String currentDouble) {
        String d = f;
        int a = d.indexOf("    /** Per-thread index vector of {@link #gatherRows}"), b = d.indexOf("    static boolean supports(int n)");
        d = d.substring(0, a) + d.substring(b); // the float32 column helpers stay in FloatBatchFft
        d = d.replace("import jdk.incubator.vector.FloatVector;", "import jdk.incubator.vector.DoubleVector;");
        d = d.replace("FloatVector", "DoubleVector").replace("VectorSpecies<Float>", "VectorSpecies<Double>").replace("FloatBatchFft", "DoubleBatchFft");
        d = d.replace("HALF = 0.5f", "HALF = 0.5");
        for (String t : new String[] {"twr", "twi", "postC", "postS"}) d = d.replace("BatchFftPlan.toFloat(plan." + t + ")", "plan." + t);
        d = d.replace("        win = new float[n];\n        for (int i = 0; i < n; i++) win[i] = (float) w[i];", "        win = w.clone();");
        d = d.replace("(float) Math.sqrt(0.5)", "Math.sqrt(0.5)");
        d = d.replaceAll("\\bfloat\\b", "double");
        int s = d.indexOf("/**\n * Real FFTs"), e = d.indexOf("final class DoubleBatchFft {");
        int hs = currentDouble.indexOf("/**\n * The float64 twin"), he = currentDouble.indexOf("final class DoubleBatchFft {");
        return d.substring(0, s) + currentDouble.substring(hs, he) + d.substring(e);
    }

    /** Regenerates DoubleBatchFft.java (run from the repository root or the dsp module). */
    public static void main(String[] args) throws Exception {
        Path dir = Files.isDirectory(DIR) ? DIR : Path.of("dsp").resolve(DIR);
        String f = Files.readString(dir.resolve("FloatBatchFft.java")), d = Files.readString(dir.resolve("DoubleBatchFft.java"));
        Files.writeString(dir.resolve("DoubleBatchFft.java"), generate(f, d));
    }
}
