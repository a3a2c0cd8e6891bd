package dev.segue.dsp.io;

/** Decoded audio: samples[channel][frame], float32 in [-1, 1). */
public record PcmAudio(int sampleRate, String codec, float[][] samples) {
    public int channels() { return samples.length; }
    public int frames() { return samples.length == 0 ? 0 : samples[0].length; }
    public double durationSeconds() { return (double) frames() / sampleRate; }

    /** Mono by averaging the channels (librosa.to_mono: float32 mean). */
    public float[] mono() {
        if (samples.length == 1) return samples[0].clone();
        int n = frames();
        float[] m = new float[n];
        for (int i = 0; i < n; i++) {
            float s = 0;
            for (float[] c : samples) s += c[i];
            m[i] = s / samples.length;
        }
        return m;
    }

    /** Zero-pads or truncates to exactly n samples (librosa.util.fix_length). */
    public static float[] fixLength(float[] y, int n) { return java.util.Arrays.copyOf(y, n); }
}
