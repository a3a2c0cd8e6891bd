package dev.segue.dsp.io;

import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MPEG-1/2/2.5 layers I and II through JLayer (Layer III has its own decoder, {@link Mp3Stream}), frame by frame (16-bit output scaled by 1/32768).
 * A truncated last frame ends the stream; a file without a single decodable frame is an error.
 */
final class JLayerStream implements AudioStream {
    private final Path file;
    private final InputStream raw;
    private final Bitstream bits;
    private final Decoder decoder = new Decoder();
    private final AudioInfo info;
    private short[] pending;  // interleaved samples of the current frame not yet returned
    private int pendingPos, pendingLen;
    private boolean done;

    JLayerStream(Path file) throws IOException {
        this.file = file;
        this.raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        this.bits = new Bitstream(raw);
        if (!nextFrame()) { close(); throw new AudioFormatException(file, "no MPEG audio frame found (corrupt or not an MP3)"); }
        this.info = new AudioInfo(decoder.getOutputFrequency(), decoder.getOutputChannels(), "mp3", -1);
    }

    private boolean nextFrame() {
        try {
            Header h = bits.readFrame();
            if (h == null) return false;
            SampleBuffer sb = (SampleBuffer) decoder.decodeFrame(h, bits);
            bits.closeFrame();
            pending = sb.getBuffer();
            pendingLen = sb.getBufferLength();
            pendingPos = 0;
            return true;
        } catch (BitstreamException | DecoderException | ArrayIndexOutOfBoundsException e) {
            if (info == null) throw new AudioFormatException(file, "cannot decode MP3: " + e.getMessage(), e);
            return false; // damaged or truncated tail: end of stream, keep what was decoded
        }
    }

    @Override public AudioInfo info() { return info; }

    @Override public int read(float[] buf, int maxFrames) {
        if (done) return -1;
        int ch = info.channels(), frames = 0;
        while (frames < maxFrames) {
            if (pendingPos >= pendingLen) {
                if (!nextFrame()) { done = true; break; }
                if (decoder.getOutputChannels() != ch) throw new AudioFormatException(file, "channel count changes mid-stream");
            }
            int n = Math.min(maxFrames - frames, (pendingLen - pendingPos) / ch);
            for (int i = 0; i < n * ch; i++) buf[frames * ch + i] = pending[pendingPos + i] / 32768f;
            pendingPos += n * ch;
            frames += n;
        }
        return frames == 0 ? -1 : frames;
    }

    @Override public void close() {
        try { bits.close(); } catch (BitstreamException ignored) { }
        try { raw.close(); } catch (IOException ignored) { }
    }
}
