package dev.segue.recsys.data;

import dev.segue.core.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes a UTF-8 text file atomically through a {@link Writer}. */
final class TextOut {
    private TextOut() {}

    @FunctionalInterface
    interface Body { void write(Writer w) throws IOException; }

    static void write(Path file, Body body) {
        AtomicFiles.write(file, out -> {
            Writer w = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            body.write(w);
            w.flush();
        });
    }

    static void items(Writer w, int[] items) throws IOException {
        for (int k = 0; k < items.length; k++) {
            if (k > 0) w.write(' ');
            w.write(Integer.toString(items[k]));
        }
    }
}
