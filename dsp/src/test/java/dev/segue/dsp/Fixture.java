package dev.segue.dsp;

import dev.segue.core.io.Json;
import dev.segue.core.io.RawArray;
import dev.segue.core.io.SafeTensors;
import org.junit.jupiter.api.Assumptions;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One librosa reference case: its tensors, its call parameters and its per-tensor tolerances from manifest.json.
 * Looked up in the test resources first (the cases committed with the module), then in ../shared/fixtures/dsp.
 */
public final class Fixture {
    public final String name;
    public final SafeTensors.Contents contents;
    public final Map<String, Object> meta;
    private final Map<String, Object> tolerances;

    private Fixture(String name, Path file, Map<String, Object> tolerances) {
        this.name = name;
        this.contents = SafeTensors.read(file);
        this.meta = Json.parseObject(contents.metadata().get("case"));
        this.tolerances = tolerances;
    }

    static Path sharedDir() {
        String s = System.getProperty("segue.shared");
        return s == null ? null : Path.of(s, "fixtures", "dsp");
    }

    static Path resolve(String file) {
        URL u = Fixture.class.getResource("/fixtures/dsp/" + file);
        if (u != null) {
            try { return Path.of(u.toURI()); } catch (URISyntaxException e) { throw new IllegalStateException(e); }
        }
        Path d = sharedDir();
        if (d != null && Files.exists(d.resolve(file))) return d.resolve(file);
        return null;
    }

    /** Names of all cases whose file starts with the prefix: the committed ones plus those in ../shared when present. */
    public static List<String> names(String prefix) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (Path dir : new Path[] {resolveDir(), sharedDir()}) {
            if (dir == null || !Files.isDirectory(dir)) continue;
            try (var s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(f -> f.startsWith(prefix) && f.endsWith(".safetensors"))
                        .forEach(f -> out.add(f.substring(0, f.length() - ".safetensors".length())));
            } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
        }
        return List.copyOf(out);
    }

    private static Path resolveDir() {
        Path m = resolve("manifest.json");
        return m == null ? null : m.getParent();
    }

    @SuppressWarnings("unchecked")
    public static Fixture load(String name) {
        Path f = resolve(name + ".safetensors");
        Assumptions.assumeTrue(f != null, "fixture " + name + " not available");
        Map<String, Object> tol = Map.of();
        Path man = resolve("manifest.json");
        if (man != null) {
            try {
                for (Object e : (List<Object>) Json.parse(Files.readString(man))) {
                    Map<String, Object> m = (Map<String, Object>) e;
                    if ((name + ".safetensors").equals(m.get("file"))) tol = (Map<String, Object>) m.get("tolerances");
                }
            } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
        }
        return new Fixture(name, f, tol);
    }

    public float[] floats(String t) { return contents.get(t).toFloats(); }
    public double[] doubles(String t) { return contents.get(t).toDoubles(); }
    public int[] shape(String t) { return contents.get(t).shape(); }
    public boolean has(String t) { return contents.has(t); }

    @SuppressWarnings("unchecked")
    public Map<String, Object> params() { return (Map<String, Object>) meta.get("params"); }
    public double param(String k) { return ((Number) params().get(k)).doubleValue(); }
    public double sr() { return ((Number) meta.get("sr")).doubleValue(); }

    /** Manifest tolerance of a tensor: rel_tol (peak-relative) and abs_tol. */
    @SuppressWarnings("unchecked")
    public double tol(String tensor, String kind) {
        Map<String, Object> t = (Map<String, Object>) tolerances.get(tensor);
        if (t == null) throw new IllegalStateException("no tolerance for " + tensor + " in " + name);
        return ((Number) t.get(kind)).doubleValue();
    }

    public RawArray raw(String t) { return contents.get(t); }
}
