package dev.segue.recsys.data;

import dev.segue.core.io.Npy;
import dev.segue.core.io.RawArray;
import java.nio.file.Path;

/**
 * Sessions of dense item ids in compressed-row form, as the trainers read them: session s is
 * {@code items[offsets[s] .. offsets[s+1])}. Stored as two {@code .npy} files (int64 offsets, int32
 * items), which numpy can memory-map too.
 */
public record SessionCsr(long[] offsets, int[] items) {

    public int count() { return offsets.length - 1; }

    public int length(int s) { return (int) (offsets[s + 1] - offsets[s]); }

    public int[] session(int s) { return java.util.Arrays.copyOfRange(items, (int) offsets[s], (int) offsets[s + 1]); }

    public static SessionCsr of(Sessions s, ItemVocabulary vocab, int[] sessionIndices) {
        long[] off = new long[sessionIndices.length + 1];
        for (int i = 0; i < sessionIndices.length; i++) off[i + 1] = off[i] + s.length(sessionIndices[i]);
        int[] items = new int[Math.toIntExact(off[sessionIndices.length])];
        for (int i = 0; i < sessionIndices.length; i++) {
            int from = s.offsets()[sessionIndices[i]], len = s.length(sessionIndices[i]);
            for (int k = 0; k < len; k++) items[(int) off[i] + k] = vocab.dense(s.items()[from + k]);
        }
        return new SessionCsr(off, items);
    }

    /** Writes {@code <base>.offsets.npy} and {@code <base>.items.npy} next to each other. */
    public void write(Path dir, String base) {
        Npy.write(dir.resolve(base + ".offsets.npy"), RawArray.ofLongs(new int[] {offsets.length}, offsets));
        Npy.write(dir.resolve(base + ".items.npy"), RawArray.ofInts(new int[] {items.length}, items));
    }

    public static SessionCsr read(Path dir, String base) {
        long[] off = Npy.read(dir.resolve(base + ".offsets.npy")).toLongs();
        int[] items = Npy.read(dir.resolve(base + ".items.npy")).toInts();
        if (off.length == 0 || off[0] != 0 || off[off.length - 1] != items.length)
            throw new DataFileException(dir.resolve(base + ".offsets.npy"), 0, "offsets do not match " + base + ".items.npy");
        return new SessionCsr(off, items);
    }
}
