package dev.segue.dsp.io;

/** What a decoder knows before reading: rate, channels, codec name and the frame count when the container states it (-1 if not). */
public record AudioInfo(int sampleRate, int channels, String codec, long frames) {
    public double durationSeconds() { return frames < 0 ? Double.NaN : (double) frames / sampleRate; }
}
