package dev.segue.recsys.data.synth;

/**
 * The musical style of a track (or of an artist, around which its tracks vary). Every field is audible
 * in the rendered clip: key and mode set the pitch classes, tempo the onset rate, brightness the
 * harmonic roll-off, percussiveness the loudness of noise bursts, and the three timbre values the
 * even-harmonic balance, the note envelope and the chorus detune.
 */
public record Style(int key, boolean major, double tempo, double brightness, double percussiveness,
                    double evenHarmonics, double attack, double chorus) {

    public static final int DIM = 9;
    public static final String[] VECTOR_NAMES = {"key_cos", "key_sin", "mode", "tempo", "brightness", "percussiveness",
            "even_harmonics", "attack", "chorus"};

    /**
     * A point in a space where distance means "sounds alike": key on the circle of fifths, mode ±0.5,
     * tempo scaled by 50 BPM, the unit-range features as they are.
     */
    public double[] vector() {
        double angle = 2 * Math.PI * ((key * 7) % 12) / 12.0;
        return new double[] {0.5 * Math.cos(angle), 0.5 * Math.sin(angle), major ? 0.5 : -0.5, (tempo - 120) / 50,
                brightness, percussiveness, evenHarmonics, attack, chorus};
    }

    static double distanceSquared(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d += (a[i] - b[i]) * (a[i] - b[i]);
        return d;
    }
}
