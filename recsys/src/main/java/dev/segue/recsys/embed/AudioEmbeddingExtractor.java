package dev.segue.recsys.embed;

import dev.segue.core.cpu.Parallel;
import dev.segue.dsp.io.AudioDecoder;
import dev.segue.recsys.train.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code segue embed extract --model mfcc-stats}: decodes {@code audios/<id>.(mp3|wav|ogg)} of a
 * Music4All-layout directory to mono at {@link #SAMPLE_RATE}, computes {@link MfccStats} per track in
 * parallel (tracks write disjoint rows, so the table does not depend on the thread count), then
 * standardises every dimension to zero mean and unit variance over the tracks (constant dimensions
 * become 0), so no feature's unit dominates inner products.
 */
public final class AudioEmbeddingExtractor {
    private AudioEmbeddingExtractor() {}

    public static final int SAMPLE_RATE = 22_050;
    static final String[] EXTENSIONS = {".mp3", ".wav", ".ogg"};

    /** The track ids that have a clip under {@code audios/}, sorted (the default id list). */
    public static List<String> listIds(Path music4all) {
        Path audios = music4all.resolve("audios");
        if (!Files.isDirectory(audios)) throw new IllegalArgumentException(audios + ": no such directory (expected audios/<id>.mp3|wav|ogg)");
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(audios)) {
            files.map(p -> p.getFileName().toString()).sorted().forEach(name -> {
                for (String ext : EXTENSIONS) if (name.endsWith(ext)) { ids.add(name.substring(0, name.length() - ext.length())); break; }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + audios + ": " + e.getMessage(), e);
        }
        if (ids.isEmpty()) throw new IllegalArgumentException(audios + ": no .mp3/.wav/.ogg clips");
        return ids;
    }

    /** The clip of a track, or an error naming the paths tried. */
    static Path clip(Path music4all, String id) {
        for (String ext : EXTENSIONS) {
            Path p = music4all.resolve("audios").resolve(id + ext);
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalArgumentException("track " + id + ": no audios/" + id + ".mp3|.wav|.ogg under " + music4all);
    }

    /** Standardised mfcc-stats rows [ids.size(), 76]; progress (with rate and ETA) goes to {@code progress} when non-null. */
    public static ItemEmbeddings extract(Path music4all, List<String> ids, Progress progress) {
        int n = ids.size();
        float[] data = new float[n * MfccStats.DIM];
        AtomicInteger done = new AtomicInteger();
        Parallel.forEach(n, i -> {
            Path file = clip(music4all, ids.get(i));
            float[] y;
            try {
                y = AudioDecoder.load(file, AudioDecoder.Options.mono(SAMPLE_RATE)).samples()[0];
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ": cannot decode: " + e.getMessage(), e);
            }
            if (y.length == 0) throw new IllegalArgumentException(file + ": no samples");
            System.arraycopy(MfccStats.compute(y, SAMPLE_RATE), 0, data, i * MfccStats.DIM, MfccStats.DIM);
            int d = done.incrementAndGet();
            if (progress != null) synchronized (progress) { progress.update(d, null); }
        });
        standardize(data, n, MfccStats.DIM);
        return new ItemEmbeddings(ids.toArray(new String[0]), data, MfccStats.DIM);
    }

    /** In place, per column of data [n, dim]: (x − mean) / std (population std; constant columns → 0). */
    public static void standardize(float[] data, int n, int dim) {
        for (int k = 0; k < dim; k++) {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += data[i * dim + k];
            double mean = sum / n, var = 0;
            for (int i = 0; i < n; i++) { double c = data[i * dim + k] - mean; var += c * c; }
            double std = Math.sqrt(var / n);
            for (int i = 0; i < n; i++) data[i * dim + k] = std > 1e-12 ? (float) ((data[i * dim + k] - mean) / std) : 0f;
        }
    }
}
