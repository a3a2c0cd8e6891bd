package dev.segue.dsp.io;

import java.io.Closeable;

/** A decoder that yields float32 PCM in blocks, so that long files need not be held whole. */
public interface AudioStream extends Closeable {
    AudioInfo info();

    /**
     * Reads up to maxFrames frames, channel-interleaved, into buf (length >= maxFrames * channels).
     * Returns the number of frames read, or -1 at the end of the stream.
     */
    int read(float[] buf, int maxFrames);

    @Override void close();
}
