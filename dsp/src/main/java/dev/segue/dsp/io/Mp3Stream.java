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
 */
final class Mp3Stream implements AudioStream {
    /** Header bits that stay the same across the frames of a stream: sync, version, layer, sampling rate. */
    private static final int MASK = 0xFFFE0C00;

    private final byte[] data;
    private final int end;
    private int pos;
    private final int streamHeader, channels;
    private final Mp3Layer3 decoder;
    private final AudioInfo info;
    private final float[][] frame = new float[2][1152];
    private int frameLen, framePos;
    private long skip, remaining = Long.MAX_VALUE;
    private boolean done;

    private Mp3Stream(byte[] data, int end, int first, boolean mono) {
        this.data = data;
        this.end = end;
        this.pos = first;
        this.streamHeader = header(data, first);
        this.channels = ((streamHeader >>> 6) & 3) == 3 ? 1 : 2;
        this.decoder = new Mp3Layer3(channels, mono);
        int spf = ((streamHeader >>> 19) & 3) == 3 ? 1152 : 576;
        readInfoFrame(spf);
        this.info = new AudioInfo(sampleRate(streamHeader), decoder.outputChannels(), "mp3", remaining == Long.MAX_VALUE ? -1 : remaining);
    }

    /** Opens an MP3 file (read whole into memory): the Layer III decoder, or JLayer for Layers I and II. */
    static AudioStream open(Path file, boolean mono) throws IOException {
        byte[] d = Files.readAllBytes(file);
        int start = 0;
        while (start + 10 <= d.length && d[start] == 'I' && d[start + 1] == 'D' && d[start + 2] == '3') {
            int size = (d[start + 6] & 0x7F) << 21 | (d[start + 7] & 0x7F) << 14 | (d[start + 8] & 0x7F) << 7 | (d[start + 9] & 0x7F);
            int next = start + 10 + size + ((d[start + 5] & 0x10) != 0 ? 10 : 0);
            if (next > d.length) break; // a broken tag: search for frames after its header
            start = next;
        }
        int end = d.length;
        if (end - start >= 128 && d[end - 128] == 'T' && d[end - 127] == 'A' && d[end - 126] == 'G') end -= 128;
        if (end - start >= 32 && new String(d, end - 32, 8, java.nio.charset.StandardCharsets.ISO_8859_1).equals("APETAGEX")) {
            int size = (d[end - 20] & 0xFF) | (d[end - 19] & 0xFF) << 8 | (d[end - 18] & 0xFF) << 16 | (d[end - 17] & 0xFF) << 24;
            boolean hasHeader = (d[end - 9] & 0x80) != 0;
            long tag = (long) size + (hasHeader ? 32 : 0);
            if (size >= 32 && tag <= end - start) end -= (int) tag;
        }
        boolean[] freeFormat = new boolean[1];
        int first = sync(d, start, end, 0, freeFormat);
        if (first < 0)
            throw new AudioFormatException(file, freeFormat[0] ? "free-format MP3 (no bit rate in the frame headers) is not supported"
                    : "no MPEG audio frame found (corrupt or not an MP3)");
        int layer = (header(d, first) >>> 17) & 3;
        if (layer != 1) {
            AudioStream s = new JLayerStream(file);
            return mono && s.info().channels() > 1 ? new DownmixStream(s) : s;
        }
        return new Mp3Stream(d, end, first, mono);
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
                if (frames > 0 && frames * minFrame <= (long) (end - pos) * 2) remaining = Math.max(0, frames * spf - delay - padding);
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
            if (pos + 4 > end) return false;
            int h = header(data, pos);
            if (!valid(h) || (h & MASK) != (streamHeader & MASK) || (((h >>> 6) & 3) == 3 ? 1 : 2) != channels) {
                int p = sync(data, pos + 1, end, streamHeader, null);
                if (p < 0) return false;
                pos = p;
                continue;
            }
            int len = frameLength(h);
            if (pos + len > end) return false; // truncated last frame
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

    @Override public void close() { }

    static boolean sniff(byte[] h) {
        if (h.length >= 3 && h[0] == 'I' && h[1] == 'D' && h[2] == '3') return true;
        return h.length >= 2 && (h[0] & 0xff) == 0xff && (h[1] & 0xe0) == 0xe0;
    }
}
