package dev.segue.dsp.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MP3 files: MPEG-1, MPEG-2 and MPEG-2.5 Layer III through {@link Mp3Layer3} (Layers I and II are handed to
 * {@link JLayerStream}). The container part: ID3v2 tags at the start and ID3v1 / APEv2 tags at the end are skipped,
 * frames are found by their sync word and checked against the next frame's header, damaged data is skipped by
 * resynchronising, and a truncated last frame ends the stream. A Xing/Info (or VBRI) header frame is not audio;
 * when it carries a LAME tag (written by LAME and by ffmpeg's muxer) its encoder delay and padding are trimmed as
 * ffmpeg and libmpg123 do: the first delay + 529 samples (the encoder delay plus the decoder's filter-bank delay)
 * are dropped, and the output is frames * samples-per-frame - delay - padding samples long.
 *
 * <p>Input: a file up to {@link #WHOLE_FILE} bytes is read at once; a larger one streams through a window of that
 * size that slides forward (the decoder keeps its own copy of the bit reservoir, so frames already decoded can go).
 */
final class Mp3Stream implements AudioStream {
    /** Header bits that stay the same across the frames of a stream: sync, version, layer, sampling rate. */
    private static final int MASK = 0xFFFE0C00;

    /** Files up to this size are read whole; larger ones stream through a window of this many bytes. */
    static final int WHOLE_FILE = 4 << 20;
    /** Bytes kept ahead of the read position before a frame is decoded (a Layer III frame is at most 1,441 bytes). */
    private static final int AHEAD = 8192;

    private final byte[] data;
    /** The input when it streams (null when the whole file is in {@link #data}); fileEnd excludes trailing tags. */
    private final java.nio.channels.FileChannel channel;
    private final long fileEnd;
    /** File offset of data[0]; data[0, windowLen) holds the file from there; end = the usable part of it. */
    private long windowStart;
    private int windowLen, end;
    private int pos;
    private final int streamHeader, channels;
    private final Mp3Layer3 decoder;
    private final AudioInfo info;
    private final float[][] frame = new float[2][1152];
    private int frameLen, framePos;
    private long skip, remaining = Long.MAX_VALUE;
    private boolean done;

    private Mp3Stream(byte[] data, java.nio.channels.FileChannel channel, long windowStart, int windowLen, long fileEnd,
                      int first, boolean mono) throws IOException {
        this.data = data;
        this.channel = channel;
        this.windowStart = windowStart;
        this.windowLen = windowLen;
        this.fileEnd = fileEnd;
        this.end = (int) Math.min(windowLen, fileEnd - windowStart);
        this.pos = first;
        this.streamHeader = header(data, first);
        this.channels = ((streamHeader >>> 6) & 3) == 3 ? 1 : 2;
        this.decoder = new Mp3Layer3(channels, mono);
        int spf = ((streamHeader >>> 19) & 3) == 3 ? 1152 : 576;
        readInfoFrame(spf);
        this.info = new AudioInfo(sampleRate(streamHeader), decoder.outputChannels(), "mp3", remaining == Long.MAX_VALUE ? -1 : remaining);
    }

    /** Opens an MP3 file: the Layer III decoder, or JLayer for Layers I and II. */
    static AudioStream open(Path file, boolean mono) throws IOException {
        return open(file, mono, WHOLE_FILE);
    }

    /** {@link #open} with the window size (tests use a small one to exercise the streaming input). */
    static AudioStream open(Path file, boolean mono, int window) throws IOException {
        java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ);
        try {
            long size = ch.size();
            long start = 0;
            byte[] tag = new byte[10];
            while (start + 10 <= size && readAt(ch, start, tag, 10) == 10 && tag[0] == 'I' && tag[1] == 'D' && tag[2] == '3') {
                int tagSize = (tag[6] & 0x7F) << 21 | (tag[7] & 0x7F) << 14 | (tag[8] & 0x7F) << 7 | (tag[9] & 0x7F);
                long next = start + 10 + tagSize + ((tag[5] & 0x10) != 0 ? 10 : 0);
                if (next > size) break; // a broken tag: search for frames after its header
                start = next;
            }
            long end = size;
            byte[] tail = new byte[128];
            if (end - start >= 128 && readAt(ch, end - 128, tail, 128) == 128 && tail[0] == 'T' && tail[1] == 'A' && tail[2] == 'G') end -= 128;
            byte[] ape = new byte[32];
            if (end - start >= 32 && readAt(ch, end - 32, ape, 32) == 32
                    && new String(ape, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1).equals("APETAGEX")) {
                int apeSize = (ape[12] & 0xFF) | (ape[13] & 0xFF) << 8 | (ape[14] & 0xFF) << 16 | (ape[15] & 0xFF) << 24;
                boolean hasHeader = (ape[23] & 0x80) != 0;
                long apeTag = (long) apeSize + (hasHeader ? 32 : 0);
                if (apeSize >= 32 && apeTag <= end - start) end -= apeTag;
            }
            boolean whole = end - start <= window;
            byte[] d = new byte[(int) (whole ? end - start : window)];
            boolean[] freeFormat = new boolean[1];
            long at = start;
            while (true) {           // the first frame, window after window (garbage may precede it)
                int len = readAt(ch, at, d, (int) Math.min(d.length, end - at));
                int first = len < 4 ? -1 : sync(d, 0, len, 0, freeFormat);
                if (first >= 0) {
                    int layer = (header(d, first) >>> 17) & 3;
                    if (layer != 1) {
                        ch.close();
                        AudioStream s = new JLayerStream(file);
                        return mono && s.info().channels() > 1 ? new DownmixStream(s) : s;
                    }
                    boolean all = at + len >= end;
                    if (all) { ch.close(); ch = null; }
                    return new Mp3Stream(d, ch, at, len, end, first, mono);
                }
                if (at + len >= end) break;
                at += Math.max(1, len - AHEAD);     // keep a frame's worth that may straddle the windows
            }
            throw new AudioFormatException(file, freeFormat[0] ? "free-format MP3 (no bit rate in the frame headers) is not supported"
                    : "no MPEG audio frame found (corrupt or not an MP3)");
        } catch (IOException | RuntimeException e) {
            if (ch != null) ch.close();
            throw e;
        }
    }

    private static int readAt(java.nio.channels.FileChannel ch, long at, byte[] b, int n) throws IOException {
        return readAt(ch, at, b, n, 0);
    }

    /**
     * Streaming input: when fewer than {@link #AHEAD} bytes are left in the window and the file goes on, moves the
     * unread bytes to the front and fills the rest from the file.
     */
    private void refill() {
        if (channel == null || pos + AHEAD <= windowLen || windowStart + windowLen >= fileEnd) return;
        int keep = windowLen - pos;
        System.arraycopy(data, pos, data, 0, keep);
        windowStart += pos;
        pos = 0;
        try {
            windowLen = keep + readAt(channel, windowStart + keep, data, (int) Math.min(data.length, fileEnd - windowStart) - keep, keep);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading MP3 data at byte " + (windowStart + keep) + ": " + e.getMessage(), e);
        }
        end = (int) Math.min(windowLen, fileEnd - windowStart);
    }

    /** Whether the window reaches the end of the usable data. */
    private boolean atEnd() { return windowStart + end >= fileEnd; }

    /** Reads up to n bytes at a file offset into b[off..); returns how many (fewer only at the end of the file). */
    private static int readAt(java.nio.channels.FileChannel ch, long at, byte[] b, int n, int off) throws IOException {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b, off, n);
        while (buf.hasRemaining()) {
            int r = ch.read(buf, at + (buf.position() - off));
            if (r < 0) break;
        }
        return buf.position() - off;
    }

    static int header(byte[] d, int p) {
        return (d[p] & 0xFF) << 24 | (d[p + 1] & 0xFF) << 16 | (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF);
    }

    /** A header with valid fields (any layer); free format (bit-rate index 0) is not valid here. */
    static boolean valid(int h) {
        return (h >>> 21) == 0x7FF && ((h >>> 19) & 3) != 1 && ((h >>> 17) & 3) != 0
                && ((h >>> 12) & 15) != 15 && ((h >>> 12) & 15) != 0 && ((h >>> 10) & 3) != 3;
    }

    static int sampleRate(int h) {
        int ver = (h >>> 19) & 3;
        return Mp3Tables.SAMPLE_RATE[(ver == 3 ? 0 : ver == 2 ? 3 : 6) + ((h >>> 10) & 3)];
    }

    /** Frame length in bytes of a valid header. */
    static int frameLength(int h) {
        int ver = (h >>> 19) & 3, layer = (h >>> 17) & 3, br = (h >>> 12) & 15, pad = (h >>> 9) & 1;
        boolean lsf = ver != 3;
        int rate = sampleRate(h);
        if (layer == 3) { // Layer I
            int[] k = lsf ? new int[] {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}
                    : new int[] {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448};
            return (12000 * k[br] / rate + pad) * 4;
        }
        if (layer == 2) { // Layer II
            int[] k = lsf ? Mp3Tables.BITRATE[1] : new int[] {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384};
            return 144000 * k[br] / rate + pad;
        }
        return (lsf ? 72000 : 144000) * Mp3Tables.BITRATE[lsf ? 1 : 0][br] / rate + pad;
    }

    /**
     * First offset in [from, end) holding a valid frame header (matching {@code mask} bits of the stream header when
     * that is nonzero) whose successor is another such header or the end of the data; -1 if none.
     */
    static int sync(byte[] d, int from, int end, int streamHeader, boolean[] freeFormat) {
        for (int p = from; p + 4 <= end; p++) {
            if ((d[p] & 0xFF) != 0xFF || (d[p + 1] & 0xE0) != 0xE0) continue;
            int h = header(d, p);
            if (!valid(h)) {
                if (freeFormat != null && ((h >>> 12) & 15) == 0 && ((h >>> 19) & 3) != 1 && ((h >>> 17) & 3) != 0 && ((h >>> 10) & 3) != 3)
                    freeFormat[0] = true;
                continue;
            }
            if (streamHeader != 0 && ((h & MASK) != (streamHeader & MASK) || (((h >>> 6) & 3) == 3) != (((streamHeader >>> 6) & 3) == 3)))
                continue;
            int n = p + frameLength(h);
            if (n > end) continue;
            if (n + 4 > end) {
                if (n == end || streamHeader != 0) return p;
                continue;
            }
            int h2 = header(d, n);
            if (valid(h2) && (h2 & MASK) == (h & MASK)) return p;
        }
        return -1;
    }

    /** A Xing/Info or VBRI header in the first frame: skips it, and takes the gapless trim from its LAME tag. */
    private void readInfoFrame(int spf) {
        int h = streamHeader, len = frameLength(h);
        boolean lsf = ((h >>> 19) & 3) != 3;
        int side = lsf ? (channels == 1 ? 9 : 17) : (channels == 1 ? 17 : 32);
        int x = pos + 4 + side; // where LAME writes it (and ffmpeg looks), CRC or not
        int fend = Math.min(pos + len, end);
        if (x + 8 <= fend && (tag(x, "Xing") || tag(x, "Info"))) {
            int flags = header(data, x + 4), p = x + 8;
            long frames = 0;
            if ((flags & 1) != 0 && p + 4 <= fend) { frames = header(data, p) & 0xFFFFFFFFL; p += 4; }
            if ((flags & 2) != 0) p += 4;
            if ((flags & 4) != 0) p += 100;
            if ((flags & 8) != 0) p += 4;
            if (p + 24 <= fend && (tag(p, "LAME") || tag(p, "Lavf") || tag(p, "Lavc"))) {
                int v = (data[p + 21] & 0xFF) << 16 | (data[p + 22] & 0xFF) << 8 | (data[p + 23] & 0xFF);
                int delay = v >>> 12, padding = v & 0xFFF;
                skip = delay + 529;
                // the frame count is a claim of the header: believe it only if that many frames of the lowest bit rate fit
                int minFrame = frameLength((h & ~0xF200) | 0x1000);
                if (frames > 0 && frames * minFrame <= (fileEnd - windowStart - pos) * 2) remaining = Math.max(0, frames * spf - delay - padding);
            }
            pos += len;
        } else if (pos + 4 + 32 + 4 <= fend && tag(pos + 4 + 32, "VBRI")) {
            pos += len;
        }
    }

    private boolean tag(int p, String s) {
        for (int i = 0; i < 4; i++) if (data[p + i] != s.charAt(i)) return false;
        return true;
    }

    /** Decodes the next frame into {@link #frame}; false at the end of the data. */
    private boolean nextFrame() {
        while (true) {
            refill();
            if (pos + 4 > end) return false;
            int h = header(data, pos);
            if (!valid(h) || (h & MASK) != (streamHeader & MASK) || (((h >>> 6) & 3) == 3 ? 1 : 2) != channels) {
                int p = sync(data, pos + 1, end, streamHeader, null);
                if (p < 0) {
                    if (atEnd()) return false;
                    pos = Math.max(pos + 1, end - AHEAD);   // damaged data filling the window: slide on
                    continue;
                }
                pos = p;
                continue;
            }
            int len = frameLength(h);
            if (pos + len > end) {             // a truncated last frame ends the stream; otherwise read on
                if (atEnd()) return false;
                refill();
                continue;
            }
            int n;
            try {
                n = decoder.decode(data, pos, len, h, frame);
            } catch (IndexOutOfBoundsException e) { // defensive: damaged data must not end the stream with an exception
                n = -1;
            }
            pos += len;
            if (n < 0) continue;
            frameLen = n;
            framePos = 0;
            return true;
        }
    }

    @Override public AudioInfo info() { return info; }

    /** {@link Mp3Layer3#stats} of this stream (tests). */
    long[] stats() { return decoder.stats; }

    @Override public int read(float[] buf, int maxFrames) {
        if (done) return -1;
        int ch = info.channels(), frames = 0;
        while (frames < maxFrames && remaining > 0) {
            if (framePos >= frameLen) {
                if (!nextFrame()) { done = true; break; }
                continue;
            }
            if (skip > 0) {
                int d = (int) Math.min(skip, frameLen - framePos);
                framePos += d;
                skip -= d;
                continue;
            }
            int n = (int) Math.min(Math.min(maxFrames - frames, frameLen - framePos), remaining);
            if (ch == 1) System.arraycopy(frame[0], framePos, buf, frames, n);
            else {
                float[] l = frame[0], r = frame[1];
                for (int i = 0; i < n; i++) {
                    buf[2 * (frames + i)] = l[framePos + i];
                    buf[2 * (frames + i) + 1] = r[framePos + i];
                }
            }
            framePos += n;
            frames += n;
            remaining -= n;
        }
        if (remaining <= 0) done = true;
        return frames == 0 ? -1 : frames;
    }

    @Override public void close() {
        if (channel != null) {
            try { channel.close(); } catch (IOException ignored) { }
        }
    }

    static boolean sniff(byte[] h) {
        if (h.length >= 3 && h[0] == 'I' && h[1] == 'D' && h[2] == '3') return true;
        return h.length >= 2 && (h[0] & 0xff) == 0xff && (h[1] & 0xe0) == 0xe0;
    }
}
