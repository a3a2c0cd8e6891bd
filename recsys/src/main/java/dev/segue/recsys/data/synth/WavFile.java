package dev.segue.recsys.data.synth;

import dev.segue.core.io.AtomicFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** Writes 16-bit PCM mono WAV (RIFF) files. */
public final class WavFile {
    private WavFile() {}

    public static byte[] encode(short[] samples, int sampleRate) {
        int data = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + data)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(data);
        for (short s : samples) b.putShort(s);
        return b.array();
    }

    public static void write(Path file, short[] samples, int sampleRate) {
        byte[] bytes = encode(samples, sampleRate);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
