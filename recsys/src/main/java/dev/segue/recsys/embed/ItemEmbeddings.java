package dev.segue.recsys.embed;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.io.AtomicFiles;
import dev.segue.core.io.Npy;
import dev.segue.core.io.RawArray;
import dev.segue.core.io.SafeTensors;
import dev.segue.recsys.data.ItemVocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of item vectors keyed by track id: {@code ids[i]} owns row i of {@code data} [n, dim].
 * Read from {@code .npy} + an ids file (one id per line), safetensors (+ ids), or CSV
 * ({@code id,v1,…,vd}); aligned to a model's dense item vocabulary with {@link #alignTo}.
 */
public record ItemEmbeddings(String[] ids, float[] data, int dim) {

    public ItemEmbeddings {
        if (dim <= 0 || data.length != (long) ids.length * dim)
            throw new IllegalArgumentException("embeddings: " + ids.length + " ids need " + ((long) ids.length * dim) + " values of width " + dim + ", got " + data.length);
    }

    public int size() { return ids.length; }

    /** {@code .npy} float [n, d] (any float dtype) and a text file with n ids, one per line. */
    public static ItemEmbeddings readNpy(Path npy, Path idsFile) {
        return fromArray(Npy.read(npy), readIds(idsFile), npy.toString());
    }

    /** One tensor of a safetensors file (the only one when {@code tensor} is null) and an ids file. */
    public static ItemEmbeddings readSafetensors(Path file, String tensor, Path idsFile) {
        SafeTensors.Contents c = SafeTensors.read(file);
        String name = tensor;
        if (name == null) {
            if (c.tensors().size() != 1) throw new IllegalArgumentException(file + ": holds " + c.tensors().keySet() + "; name the embedding tensor");
            name = c.tensors().keySet().iterator().next();
        }
        return fromArray(c.get(name), readIds(idsFile), file + ":" + name);
    }

    private static ItemEmbeddings fromArray(RawArray a, String[] ids, String what) {
        int[] s = a.shape();
        if (s.length != 2) throw new IllegalArgumentException(what + ": embeddings must be 2-D [items, dim], got shape " + java.util.Arrays.toString(s));
        if (s[0] != ids.length) throw new IllegalArgumentException(what + ": " + s[0] + " rows but " + ids.length + " ids");
        return new ItemEmbeddings(ids, a.toFloats(), s[1]);
    }

    /** CSV lines {@code id,v1,…,vd} (an optional header whose second field is not a number is skipped). */
    public static ItemEmbeddings readCsv(Path csv) {
        List<String> ids = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        int dim = -1, lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] f = line.split(",");
                if (lineNo == 1 && f.length > 1 && !isNumber(f[1])) continue;
                if (f.length < 2) throw new IllegalArgumentException(csv + ":" + lineNo + ": expected id,v1,...,vd");
                if (dim < 0) dim = f.length - 1;
                if (f.length - 1 != dim) throw new IllegalArgumentException(csv + ":" + lineNo + ": " + (f.length - 1) + " values, expected " + dim);
                float[] v = new float[dim];
                for (int k = 0; k < dim; k++) {
                    try {
                        v[k] = Float.parseFloat(f[k + 1].trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(csv + ":" + lineNo + ": value " + (k + 1) + " '" + f[k + 1] + "' is not a number");
                    }
                }
                ids.add(f[0].trim());
                rows.add(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) throw new IllegalArgumentException(csv + ": no embeddings");
        float[] data = new float[rows.size() * dim];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, data, i * dim, dim);
        return new ItemEmbeddings(ids.toArray(new String[0]), data, dim);
    }

    private static boolean isNumber(String s) {
        try { Float.parseFloat(s.trim()); return true; } catch (NumberFormatException e) { return false; }
    }

    static String[] readIds(Path file) {
        try {
            List<String> lines = new ArrayList<>();
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) if (!l.isBlank()) lines.add(l.trim());
            return lines.toArray(new String[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ids file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code .npy} [n, dim] float32 and the ids file, each atomically. */
    public void write(Path npy, Path idsFile) {
        Npy.write(npy, RawArray.ofFloats(new int[]{ids.length, dim}, data));
        AtomicFiles.writeString(idsFile, String.join("\n", ids) + "\n");
    }

    /** The table aligned to a vocabulary, and which vocabulary items had no vector. */
    public record Aligned(Tensor table, int missing, List<String> missingExamples) {}

    /**
     * Rows in dense-id order [vocab.size(), dim]: row 0 (padding) zero, row i the vector of
     * {@code vocab.trackId(i)}. Items without a vector are an error naming up to 5 of them, or — with
     * {@code allowMissing} — drawn from N(0, std²) with {@code rng} and counted.
     */
    public Aligned alignTo(ItemVocabulary vocab, boolean allowMissing, Rng rng, double std) {
        return alignTo(vocab::trackId, vocab.size(), allowMissing, rng, std);
    }

    /** As {@link #alignTo(ItemVocabulary, boolean, Rng, double)} with the track id of every dense id given directly (index 0 unused). */
    public Aligned alignTo(String[] denseTrackIds, boolean allowMissing, Rng rng, double std) {
        return alignTo(d -> denseTrackIds[d], denseTrackIds.length, allowMissing, rng, std);
    }

    /** The same for any dense vocabulary: {@code trackId.apply(d)} is the track id of dense id d, 1 ≤ d < size. */
    public Aligned alignTo(java.util.function.IntFunction<String> trackId, int v, boolean allowMissing, Rng rng, double std) {
        Map<String, Integer> row = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) row.put(ids[i], i);
        float[] out = new float[v * dim];
        int missing = 0;
        List<String> examples = new ArrayList<>();
        for (int d = 1; d < v; d++) {
            Integer r = row.get(trackId.apply(d));
            if (r != null) {
                System.arraycopy(data, r * dim, out, d * dim, dim);
                continue;
            }
            missing++;
            if (examples.size() < 5) examples.add(trackId.apply(d));
            for (int k = 0; k < dim; k++) out[d * dim + k] = (float) (rng.nextGaussian() * std);
        }
        if (missing > 0 && !allowMissing)
            throw new IllegalArgumentException(missing + " of " + (v - 1) + " items have no embedding (e.g. " + examples
                    + "); pass --allow-missing to give them random rows");
        return new Aligned(Tensor.of(out, v, dim), missing, examples);
    }
}
