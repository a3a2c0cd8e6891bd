package dev.segue.dsp.io;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Ogg Vorbis (first logical stream) through JOrbis, in float32 straight from the synthesis (no 16-bit step). */
final class VorbisStream implements AudioStream {
    private static final int CHUNK = 8192;
    private final Path file;
    private final InputStream in;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private final Packet packet = new Packet();
    private final Info vi = new Info();
    private final Comment vc = new Comment();
    private final DspState dsp = new DspState();
    private final Block block = new Block(dsp);
    private final AudioInfo info;
    private final float[][][] pcmOut = new float[1][][];
    private final int[] index;
    private boolean eos;
    private int serial;
    private long emitted, limit = Long.MAX_VALUE; // limit: the end-of-stream page's granule position (total frames)

    VorbisStream(Path file) throws IOException {
        this.file = file;
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        sync.init();
        if (!nextPage()) throw new AudioFormatException(file, "not an Ogg stream");
        serial = page.serialno();
        stream.init(serial);
        vi.init();
        vc.init();
        if (stream.pagein(page) < 0 || stream.packetout(packet) != 1 || vi.synthesis_headerin(vc, packet) < 0)
            throw new AudioFormatException(file, "Ogg stream is not Vorbis (only Vorbis and Opus are supported in Ogg)");
        int headers = 1;
        while (headers < 3) {
            int r = stream.packetout(packet);
            if (r == 0) {
                if (!nextPage()) throw new AudioFormatException(file, "truncated Vorbis headers");
                stream.pagein(page);
                continue;
            }
            if (r < 0 || vi.synthesis_headerin(vc, packet) < 0) throw new AudioFormatException(file, "corrupt Vorbis header");
            headers++;
        }
        dsp.synthesis_init(vi);
        block.init(dsp);
        index = new int[vi.channels];
        info = new AudioInfo(vi.rate, vi.channels, "vorbis", -1);
    }

    private boolean nextPage() throws IOException {
        while (true) {
            int r = sync.pageout(page);
            if (r == 1) return true;
            int off = sync.buffer(CHUNK);
            int n = in.read(sync.data, off, CHUNK);
            if (n <= 0) return false;
            sync.wrote(n);
        }
    }

    @Override public AudioInfo info() { return info; }

    @Override public int read(float[] buf, int maxFrames) {
        int ch = info.channels(), frames = 0;
        try {
            while (frames < maxFrames) {
                int avail = dsp.synthesis_pcmout(pcmOut, index);
                if (avail > 0 && emitted >= limit) { dsp.synthesis_read(avail); continue; } // decoder padding past the end
                if (avail > 0) {
                    int n = (int) Math.min(Math.min(avail, maxFrames - frames), limit - emitted);
                    for (int c = 0; c < ch; c++) {
                        float[] src = pcmOut[0][c];
                        int o = index[c];
                        for (int i = 0; i < n; i++) buf[(frames + i) * ch + c] = src[o + i];
                    }
                    dsp.synthesis_read(n);
                    frames += n;
                    emitted += n;
                    continue;
                }
                if (eos) break;
                int r = stream.packetout(packet);
                if (r == 1) {
                    if (block.synthesis(packet) == 0) dsp.synthesis_blockin(block);
                } else if (r == 0) {
                    if (!nextPage()) { eos = true; continue; }
                    if (page.serialno() != serial) continue; // other logical streams: skipped
                    stream.pagein(page);
                    if (page.eos() != 0 && page.granulepos() >= 0) limit = page.granulepos();
                } // r < 0: a hole in the data; skip it as libvorbis does
            }
        } catch (IOException e) {
            throw new AudioFormatException(file, "read error: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new AudioFormatException(file, "corrupt Vorbis data: " + e, e);
        }
        return frames == 0 ? -1 : frames;
    }

    @Override public void close() {
        try { in.close(); } catch (IOException ignored) { }
    }

    static boolean sniff(byte[] h) { return h.length >= 4 && h[0] == 'O' && h[1] == 'g' && h[2] == 'g' && h[3] == 'S'; }
}
