package dev.segue.core;

/**
 * The engine's seeded random number generator: xoshiro256** seeded through SplitMix64. One stream
 * per generator; its whole state can be saved and restored ({@link #state()}, {@link #setState}) so a
 * resumed run draws exactly the numbers an uninterrupted one would have. Normals come from the
 * Box–Muller transform in double precision (both values of a pair are used, the spare is part of the
 * state).
 */
public final class Rng {
    private long s0, s1, s2, s3;
    private boolean hasSpare;
    private double spare;

    public Rng(long seed) { reseed(seed); }

    public void reseed(long seed) {
        long x = seed;
        s0 = splitMix(x += 0x9E3779B97F4A7C15L);
        s1 = splitMix(x += 0x9E3779B97F4A7C15L);
        s2 = splitMix(x += 0x9E3779B97F4A7C15L);
        s3 = splitMix(x += 0x9E3779B97F4A7C15L);
        hasSpare = false;
        spare = 0;
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() { return (nextLong() >>> 11) * 0x1.0p-53; }

    /** Uniform in [0, 1) with 24 random bits (exactly representable as float). */
    public float nextFloat() { return (nextLong() >>> 40) * 0x1.0p-24f; }

    /** Uniform integer in [0, bound) without modulo bias (Lemire's method with rejection). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got " + bound);
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xffffffffL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xffffffffL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Standard normal. */
    public double nextGaussian() {
        if (hasSpare) { hasSpare = false; return spare; }
        double u1, u2;
        do { u1 = nextDouble(); } while (u1 <= 0);
        u2 = nextDouble();
        double r = Math.sqrt(-2 * Math.log(u1));
        double a = 2 * Math.PI * u2;
        spare = r * Math.sin(a);
        hasSpare = true;
        return r * Math.cos(a);
    }

    /** An independent generator derived from this one's stream (advances this one by one draw). */
    public Rng fork() { return new Rng(nextLong()); }

    /** The full state: 4 words of xoshiro, the spare-normal flag and the spare's bits. */
    public long[] state() {
        return new long[]{s0, s1, s2, s3, hasSpare ? 1 : 0, Double.doubleToRawLongBits(spare)};
    }

    public void setState(long[] st) {
        if (st.length != 6) throw new IllegalArgumentException("Rng state must have 6 words, got " + st.length);
        s0 = st[0]; s1 = st[1]; s2 = st[2]; s3 = st[3];
        hasSpare = st[4] != 0;
        spare = Double.longBitsToDouble(st[5]);
    }
}
