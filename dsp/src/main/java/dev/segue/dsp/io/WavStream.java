package dev.segue.dsp.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** RIFF/WAVE (and RF64-free WAVE_FORMAT_EXTENSIBLE): PCM 8/16/24/32-bit integers and 32/64-bit IEEE floats. */
final class WavStream implements AudioStream {
    private final Path file;
    private final DataInputStream in;
    private final AudioInfo info;
    private final int bits, blockAlign;
    private final boolean isFloat;
    private long framesLeft;
    private byte[] raw = new byte[0];

    WavStream(Path file) throws IOException {
        this.file = file;
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        byte[] id = new byte[4];
        in.readFully(id);
        if (!"RIFF".equals(new String(id, java.nio.charset.StandardCharsets.US_ASCII))) throw new AudioFormatException(file, "not a RIFF file");
        readLE(4);
        in.readFully(id);
        if (!"WAVE".equals(new String(id, java.nio.charset.StandardCharsets.US_ASCII))) throw new AudioFormatException(file, "RIFF file is not WAVE");
        int fmt = -1, ch = 0, rate = 0, bitsPer = 0, align = 0;
        while (true) {
            try { in.readFully(id); } catch (EOFException e) { throw new AudioFormatException(file, "no 'data' chunk (truncated WAV)"); }
            String chunk = new String(id, java.nio.charset.StandardCharsets.US_ASCII);
            long size = readLE(4) & 0xffffffffL;
            if (chunk.equals("fmt ")) {
                if (size < 16) throw new AudioFormatException(file, "fmt chunk too short");
                fmt = (int) readLE(2); ch = (int) readLE(2); rate = (int) readLE(4); readLE(4);
                align = (int) readLE(2); bitsPer = (int) readLE(2);
                long rest = size - 16;
                if (fmt == 0xFFFE && rest >= 10) { readLE(2); readLE(2); readLE(4); fmt = (int) readLE(2); rest -= 10; }
                skip(rest + (size & 1));
            } else if (chunk.equals("data")) {
                if (fmt < 0) throw new AudioFormatException(file, "'data' chunk before 'fmt '");
                if (fmt != 1 && fmt != 3) throw new AudioFormatException(file, "unsupported WAV format tag " + fmt + " (PCM and IEEE float only)");
                if (ch < 1 || rate < 1 || align != ch * ((bitsPer + 7) / 8))
                    throw new AudioFormatException(file, "inconsistent fmt chunk: " + ch + " channels, " + rate + " Hz, " + bitsPer + " bits, block " + align);
                if (fmt == 1 && !(bitsPer == 8 || bitsPer == 16 || bitsPer == 24 || bitsPer == 32)) throw new AudioFormatException(file, bitsPer + "-bit PCM is not supported");
                if (fmt == 3 && !(bitsPer == 32 || bitsPer == 64)) throw new AudioFormatException(file, bitsPer + "-bit float is not supported");
                // size 0xFFFFFFFF or 0 is used by streaming writers: read to the end of the file
                framesLeft = (size == 0xFFFFFFFFL || size == 0) ? Long.MAX_VALUE : size / align;
                break;
            } else {
                skip(size + (size & 1));
            }
        }
        this.bits = bitsPer;
        this.blockAlign = align;
        this.isFloat = fmt == 3;
        this.info = new AudioInfo(rate, ch, isFloat ? "wav-float" + bits : "wav-pcm" + bits, framesLeft == Long.MAX_VALUE ? -1 : framesLeft);
    }

    private long readLE(int n) throws IOException {
        long v = 0;
        for (int i = 0; i < n; i++) {
            int b = in.read();
            if (b < 0) throw new AudioFormatException(file, "truncated WAV header");
            v |= (long) b << (8 * i);
        }
        return v;
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) { if (in.read() < 0) throw new AudioFormatException(file, "truncated WAV header"); s = 1; }
            n -= s;
        }
    }

    @Override public AudioInfo info() { return info; }

    @Override public int read(float[] buf, int maxFrames) {
        if (framesLeft <= 0) return -1;
        int want = (int) Math.min(maxFrames, framesLeft);
        int bytes = want * blockAlign;
        if (raw.length < bytes) raw = new byte[bytes];
        int got = 0;
        try {
            while (got < bytes) {
                int r = in.read(raw, got, bytes - got);
                if (r < 0) break;
                got += r;
            }
        } catch (IOException e) {
            throw new AudioFormatException(file, "read error: " + e.getMessage(), e);
        }
        int frames = got / blockAlign;
        if (frames == 0) { framesLeft = 0; return -1; }
        if (got < bytes) framesLeft = 0; // truncated data chunk: return what is there (as libsndfile does)
        else framesLeft -= frames;
        int n = frames * info.channels(), bps = bits / 8;
        for (int i = 0; i < n; i++) {
            int o = i * bps;
            buf[i] = switch (bits) {
                case 8 -> ((raw[o] & 0xff) - 128) / 128f;
                case 16 -> (short) ((raw[o] & 0xff) | (raw[o + 1] << 8)) / 32768f;
                case 24 -> ((raw[o] & 0xff) | ((raw[o + 1] & 0xff) << 8) | (raw[o + 2] << 16)) / 8388608f;
                case 32 -> isFloat ? Float.intBitsToFloat(int32(o)) : (float) (int32(o) / 2147483648.0);
                default -> (float) Double.longBitsToDouble(int32(o) & 0xffffffffL | ((long) int32(o + 4) << 32));
            };
        }
        return frames;
    }

    private int int32(int o) { return (raw[o] & 0xff) | ((raw[o + 1] & 0xff) << 8) | ((raw[o + 2] & 0xff) << 16) | (raw[o + 3] << 24); }

    @Override public void close() { try { in.close(); } catch (IOException ignored) { } }

    static boolean sniff(byte[] h) { return h.length >= 12 && h[0] == 'R' && h[1] == 'I' && h[2] == 'F' && h[3] == 'F' && h[8] == 'W' && h[9] == 'A' && h[10] == 'V' && h[11] == 'E'; }
}
