package dev.segue.dsp.io;

/** A multichannel stream read as mono: each frame is the mean of its channels (librosa.to_mono). */
final class DownmixStream implements AudioStream {
    private final AudioStream in;
    private final AudioInfo info;
    private float[] buf = new float[0];

    DownmixStream(AudioStream in) {
        this.in = in;
        AudioInfo i = in.info();
        this.info = new AudioInfo(i.sampleRate(), 1, i.codec(), i.frames());
    }

    @Override public AudioInfo info() { return info; }

    @Override public int read(float[] out, int maxFrames) {
        int ch = in.info().channels();
        if (buf.length < maxFrames * ch) buf = new float[maxFrames * ch];
        int n = in.read(buf, maxFrames);
        for (int i = 0; i < n; i++) {
            float s = 0;
            for (int c = 0; c < ch; c++) s += buf[i * ch + c];
            out[i] = s / ch;
        }
        return n;
    }

    @Override public void close() { in.close(); }
}
