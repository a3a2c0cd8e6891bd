package dev.segue.dsp.io;

import com.jcraft.jogg.Packet;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Ogg Opus (RFC 7845, channel mapping family 0: mono/stereo) through Concentus, always at 48 kHz as Opus decodes.
 * Ogg demultiplexing by JOrbis' jogg; the header's pre-skip is dropped and the end trimmed to the last granule position;
 * the header's output gain is applied.
 */
final class OpusStream implements AudioStream {
    private static final int MAX_FRAME = 5760; // 120 ms at 48 kHz
    private final Path file;
    private final OggPackets ogg;
    private final Packet packet;
    private final OpusDecoder decoder;
    private final AudioInfo info;
    private final int channels;
    private final float gain;
    private final short[] pcm;
    private int skip;                 // pre-skip samples still to drop
    private long decoded, limit = Long.MAX_VALUE; // limit: end page granule - pre-skip
    private final int preSkip;
    private int pendPos, pendLen;
    private boolean eos;

    OpusStream(Path file) throws IOException {
        this.file = file;
        this.ogg = new OggPackets(file);
        packet = ogg.packet;
        if (ogg.packetout() != 1) { ogg.close(); throw new AudioFormatException(file, "missing OpusHead packet"); }
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
            int r = ogg.packetout();
            if (r == 1) break;
            if (r < 0) throw new AudioFormatException(file, "corrupt Opus header");
            if (!ogg.nextPage()) throw new AudioFormatException(file, "truncated Opus headers");
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
                int r = ogg.packetout();
                if (r == 1) {
                    int n = decoder.decode(packet.packet_base, packet.packet, packet.bytes, pcm, 0, MAX_FRAME, false);
                    int drop = Math.min(skip, n);
                    skip -= drop;
                    pendPos = drop;
                    pendLen = n;
                } else if (r == 0) {
                    if (!ogg.nextPage()) { eos = true; continue; }   // other logical streams are skipped
                    if (ogg.endGranule() >= 0) limit = Math.max(0, ogg.endGranule() - preSkip);
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

    @Override public void close() { ogg.close(); }

    /** True when the first Ogg page carries an OpusHead packet. */
    static boolean sniff(byte[] h) {
        if (!VorbisStream.sniff(h) || h.length < 27) return false;
        int off = 27 + (h[26] & 0xff);
        return h.length >= off + 8 && new String(h, off, 8, java.nio.charset.StandardCharsets.ISO_8859_1).equals("OpusHead");
    }
}
