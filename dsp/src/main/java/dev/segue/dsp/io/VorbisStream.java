package dev.segue.dsp.io;

import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;

import java.io.IOException;
import java.nio.file.Path;

/** Ogg Vorbis (first logical stream) through JOrbis, in float32 straight from the synthesis (no 16-bit step). */
final class VorbisStream implements AudioStream {
    private final Path file;
    private final OggPackets ogg;
    private final Info vi = new Info();
    private final Comment vc = new Comment();
    private final DspState dsp = new DspState();
    private final Block block = new Block(dsp);
    private final AudioInfo info;
    private final float[][][] pcmOut = new float[1][][];
    private final int[] index;
    private boolean eos;
    private long emitted, limit = Long.MAX_VALUE; // limit: the end-of-stream page's granule position (total frames)

    VorbisStream(Path file) throws IOException {
        this.file = file;
        this.ogg = new OggPackets(file);
        vi.init();
        vc.init();
        if (ogg.packetout() != 1 || vi.synthesis_headerin(vc, ogg.packet) < 0) {
            ogg.close();
            throw new AudioFormatException(file, "Ogg stream is not Vorbis (only Vorbis and Opus are supported in Ogg)");
        }
        int headers = 1;
        while (headers < 3) {
            int r = ogg.packetout();
            if (r == 0) {
                if (!ogg.nextPage()) throw new AudioFormatException(file, "truncated Vorbis headers");
                continue;
            }
            if (r < 0 || vi.synthesis_headerin(vc, ogg.packet) < 0) throw new AudioFormatException(file, "corrupt Vorbis header");
            headers++;
        }
        dsp.synthesis_init(vi);
        block.init(dsp);
        index = new int[vi.channels];
        info = new AudioInfo(vi.rate, vi.channels, "vorbis", -1);
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
                int r = ogg.packetout();
                if (r == 1) {
                    if (block.synthesis(ogg.packet) == 0) dsp.synthesis_blockin(block);
                } else if (r == 0) {
                    if (!ogg.nextPage()) { eos = true; continue; }   // other logical streams are skipped
                    if (ogg.endGranule() >= 0) limit = ogg.endGranule();
                } // r < 0: a hole in the data; skip it as libvorbis does
            }
        } catch (IOException e) {
            throw new AudioFormatException(file, "read error: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new AudioFormatException(file, "corrupt Vorbis data: " + e, e);
        }
        return frames == 0 ? -1 : frames;
    }

    @Override public void close() { ogg.close(); }

    static boolean sniff(byte[] h) { return h.length >= 4 && h[0] == 'O' && h[1] == 'g' && h[2] == 'g' && h[3] == 'S'; }
}
