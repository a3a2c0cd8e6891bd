package dev.segue.dsp.io;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ogg Opus (RFC 7845, channel mapping family 0: mono/stereo) through Concentus, always at 48 kHz as Opus decodes.
 * Ogg demultiplexing by JOrbis' jogg; the header's pre-skip is dropped and the end trimmed to the last granule position;
 * the header's output gain is applied.
 */
final class OpusStream implements AudioStream {
    private static final int CHUNK = 8192, MAX_FRAME = 5760; // 120 ms at 48 kHz
    private final Path file;
    private final InputStream in;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private final Packet packet = new Packet();
    private final OpusDecoder decoder;
    private final AudioInfo info;
    private final int channels, serial;
    private final float gain;
    private final short[] pcm;
    private int skip;                 // pre-skip samples still to drop
    private long decoded, limit = Long.MAX_VALUE; // limit: end page granule - pre-skip
    private final int preSkip;
    private int pendPos, pendLen;
    private boolean eos;

    OpusStream(Path file) throws IOException {
        this.file = file;
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        sync.init();
        if (!nextPage()) throw new AudioFormatException(file, "not an Ogg stream");
        serial = page.serialno();
        stream.init(serial);
        stream.pagein(page);
        if (stream.packetout(packet) != 1) throw new AudioFormatException(file, "missing OpusHead packet");
        byte[] h = java.util.Arrays.copyOfRange(packet.packet_base, packet.packet, packet.packet + packet.bytes);
        if (h.length < 19 || !new String(h, 0, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("OpusHead"))
            throw new AudioFormatException(file, "Ogg stream is not Opus");
        channels = h[9] & 0xff;
        preSkip = (h[10] & 0xff) | (h[11] & 0xff) << 8;
        int gainQ8 = (short) ((h[16] & 0xff) | (h[17] << 8));
        int family = h[18] & 0xff;
        if (family != 0 || channels < 1 || channels > 2)
            throw new AudioFormatException(file, "Opus channel mapping family " + family + " with " + channels + " channels is not supported (mono/stereo only)");
        gain = (float) (Math.pow(10, gainQ8 / (20.0 * 256)) / 32768.0);
        // the second header packet (OpusTags) may span pages
        while (true) {
            int r = stream.packetout(packet);
            if (r == 1) break;
            if (r < 0) throw new AudioFormatException(file, "corrupt Opus header");
            if (!nextPage()) throw new AudioFormatException(file, "truncated Opus headers");
            if (page.serialno() == serial) stream.pagein(page);
        }
        try {
            decoder = new OpusDecoder(48000, channels);
        } catch (OpusException e) {
            throw new AudioFormatException(file, "cannot start the Opus decoder: " + e.getMessage(), e);
        }
        skip = preSkip;
        pcm = new short[MAX_FRAME * channels];
        info = new AudioInfo(48000, channels, "opus", -1);
    }

    private boolean nextPage() throws IOException {
        while (true) {
            if (sync.pageout(page) == 1) return true;
            int off = sync.buffer(CHUNK);
            int n = in.read(sync.data, off, CHUNK);
            if (n <= 0) return false;
            sync.wrote(n);
        }
    }

    @Override public AudioInfo info() { return info; }

    @Override public int read(float[] buf, int maxFrames) {
        int frames = 0;
        try {
            while (frames < maxFrames) {
                if (pendPos < pendLen) {
                    int n = (int) Math.min(Math.min(pendLen - pendPos, maxFrames - frames), limit - decoded);
                    if (n <= 0) { pendPos = pendLen; eos = true; break; }
                    for (int i = 0; i < n * channels; i++) buf[frames * channels + i] = pcm[pendPos * channels + i] * gain;
                    pendPos += n;
                    frames += n;
                    decoded += n;
                    continue;
                }
                if (eos) break;
                int r = stream.packetout(packet);
                if (r == 1) {
                    int n = decoder.decode(packet.packet_base, packet.packet, packet.bytes, pcm, 0, MAX_FRAME, false);
                    int drop = Math.min(skip, n);
                    skip -= drop;
                    pendPos = drop;
                    pendLen = n;
                } else if (r == 0) {
                    if (!nextPage()) { eos = true; continue; }
                    if (page.serialno() != serial) continue;
                    stream.pagein(page);
                    if (page.eos() != 0 && page.granulepos() >= 0) limit = Math.max(0, page.granulepos() - preSkip);
                }
            }
        } catch (IOException e) {
            throw new AudioFormatException(file, "read error: " + e.getMessage(), e);
        } catch (OpusException | RuntimeException e) {
            if (frames == 0 && decoded == 0) throw new AudioFormatException(file, "corrupt Opus data: " + e.getMessage(), e);
            eos = true; // damaged tail: keep what was decoded
        }
        return frames == 0 ? -1 : frames;
    }

    @Override public void close() { try { in.close(); } catch (IOException ignored) { } }

    /** True when the first Ogg page carries an OpusHead packet. */
    static boolean sniff(byte[] h) {
        if (!VorbisStream.sniff(h) || h.length < 27) return false;
        int off = 27 + (h[26] & 0xff);
        return h.length >= off + 8 && new String(h, off, 8, java.nio.charset.StandardCharsets.ISO_8859_1).equals("OpusHead");
    }
}
