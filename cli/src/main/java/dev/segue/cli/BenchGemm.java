package dev.segue.cli;

import dev.segue.core.cpu.Parallel;
import dev.segue.core.cpu.gemm.Gemm;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code segue bench gemm}: float32 GEMM throughput, one line per shape and thread count, optionally
 * next to numpy/OpenBLAS measured in the same run ({@code bench/scripts/numpy_gemm.py}).
 * Each measurement warms up, then reports the best of the runs that fit in {@code --seconds}.
 */
@Command(name = "gemm", mixinStandardHelpOptions = true,
        description = "GEMM throughput (C = A·B, float32, row-major) of the pure-Java engine.")
public final class BenchGemm implements Callable<Integer> {

    @Option(names = "--size", split = ",", paramLabel = "N",
            description = "square sizes N (N×N·N×N); default 256,512,1024,2048 when no --shape is given")
    List<Integer> sizes = new ArrayList<>();

    @Option(names = "--shape", split = ",", paramLabel = "MxKxN",
            description = "[M×K]·[K×N] products, e.g. 2560x512x2048,128x512x100000; a t suffix stores B as [N×K] and uses it transposed (128x512x100000t: queries · itemsᵀ)")
    List<String> shapes = new ArrayList<>();

    @Option(names = "--threads", split = ",", paramLabel = "T",
            description = "thread counts to run (default: the engine's pool size, ${sys:segue.threads:-all cores})")
    List<Integer> threads = new ArrayList<>();

    @Option(names = "--seconds", defaultValue = "1.0", description = "time budget per measurement (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--compare-numpy", description = "also time numpy.matmul (OpenBLAS) via /usr/bin/python3 and print the ratio")
    boolean compareNumpy;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "python with numpy (default ${DEFAULT-VALUE})")
    String python;

    @Option(names = "--numpy-script", description = "path of numpy_gemm.py (default: bench/scripts/numpy_gemm.py found from the working directory or the jar)")
    Path numpyScript;

    /** One product shape; {@code transB}: B stored as [N, K] (a "t" suffix, e.g. 128x512x100000t: queries · itemsᵀ). */
    record Shape(int m, int k, int n, boolean transB) {
        Shape(int m, int k, int n) { this(m, k, n, false); }

        static Shape parse(String s) {
            String t = s.toLowerCase(Locale.ROOT).trim();
            boolean tb = t.endsWith("t");
            String[] p = (tb ? t.substring(0, t.length() - 1) : t).split("x");
            if (p.length != 3) throw new IllegalArgumentException("shape must be MxKxN or MxKxNt (B transposed), got " + s);
            return new Shape(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()), Integer.parseInt(p[2].trim()), tb);
        }

        double flops() { return 2.0 * m * n * k; }

        @Override public String toString() { return m + "x" + k + "x" + n + (transB ? "t" : ""); }
    }

    @Override
    public Integer call() throws Exception {
        List<Shape> all = new ArrayList<>();
        for (int s : sizes) all.add(new Shape(s, s, s));
        for (String s : shapes) all.add(Shape.parse(s));
        if (all.isEmpty()) for (int s : new int[] {256, 512, 1024, 2048}) all.add(new Shape(s, s, s));
        List<Integer> ts = threads.isEmpty() ? List.of(Parallel.threads()) : threads;
        Path script = compareNumpy ? findScript() : null;
        if (compareNumpy && script == null) {
            System.err.println("segue bench gemm: numpy_gemm.py not found (use --numpy-script); not comparing");
        } else if (compareNumpy && !new File(python).canExecute()) {
            System.err.println("segue bench gemm: " + python + " not found; not comparing");
            script = null;
        }
        System.out.printf("# segue GEMM, %s kernel, Java %s (%s), %d cores%n", Gemm.VECTORIZED ? "Vector API" : "scalar",
                Runtime.version(), System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors());
        String header = script == null
                ? String.format("%-16s %7s %10s %9s", "shape(MxKxN)", "threads", "ms", "GFLOP/s")
                : String.format("%-16s %7s %10s %9s %10s %14s %6s", "shape(MxKxN)", "threads", "ms", "GFLOP/s",
                        "numpy ms", "numpy GFLOP/s", "ratio");
        boolean headerPrinted = false;
        int saved = Parallel.threads();
        try {
            warmUp();
            for (Shape sh : all) {
                float[][] data = operands(sh);
                for (int t : ts) {
                    Parallel.setThreads(t);
                    double ms = timeJava(sh, data);
                    double gf = sh.flops() / ms / 1e6;
                    double[] np = script == null ? null : timeNumpy(script, sh, t); // prints the BLAS line once
                    if (!headerPrinted) {
                        System.out.println(header);
                        headerPrinted = true;
                    }
                    if (np == null) {
                        System.out.printf(Locale.ROOT, "%-16s %7d %10.3f %9.1f%n", sh, t, ms, gf);
                    } else {
                        System.out.printf(Locale.ROOT, "%-16s %7d %10.3f %9.1f %10.3f %14.1f %6.2f%n", sh, t, ms, gf,
                                np[0], np[1], gf / np[1]);
                    }
                    System.out.flush();
                }
            }
        } finally {
            Parallel.setThreads(saved);
        }
        return 0;
    }

    /**
     * Waits until the JIT has compiled the vector micro-kernel ({@link Gemm#warmUp}), then runs 192³
     * products until no run has been 10% faster than the best for 0.3 s (at least 0.5 s, at most 10 s).
     */
    private static void warmUp() throws InterruptedException {
        if (!Gemm.warmUp(java.time.Duration.ofSeconds(60))) System.err.println("segue bench gemm: vector kernel still cold after 60 s");
        Shape w = new Shape(192, 192, 192);
        float[][] d = operands(w);
        long start = System.nanoTime(), lastGain = start, best = Long.MAX_VALUE;
        while (true) {
            long t0 = System.nanoTime();
            run(w, d);
            long t1 = System.nanoTime(), dt = t1 - t0;
            if (dt < best * 0.9) lastGain = t1;
            best = Math.min(best, dt);
            if ((t1 - start > 500_000_000L && t1 - lastGain > 300_000_000L) || t1 - start > 10_000_000_000L) return;
        }
    }

    private static float[][] operands(Shape s) {
        SplittableRandom r = new SplittableRandom(1);
        float[] a = new float[Math.multiplyExact(s.m, s.k)], b = new float[Math.multiplyExact(s.k, s.n)];
        for (int i = 0; i < a.length; i++) a[i] = (float) r.nextDouble();
        for (int i = 0; i < b.length; i++) b[i] = (float) r.nextDouble();
        return new float[][] {a, b, new float[Math.multiplyExact(s.m, s.n)]};
    }

    /** Best wall time in ms: warm up for a third of the budget (JIT, pool), then best of the rest. */
    private double timeJava(Shape s, float[][] d) {
        return BenchTimer.bestMillis(() -> run(s, d), seconds);
    }

    private static void run(Shape s, float[][] d) {
        Gemm.sgemm(false, s.transB, s.m, s.n, s.k, 1f, d[0], 0, s.k, d[1], 0, s.transB ? s.k : s.n, 0f, d[2], 0, s.n);
    }

    /** {ms, GFLOP/s} of numpy.matmul, with OpenBLAS left to pick its own kernel for this CPU. */
    private double[] timeNumpy(Path script, Shape s, int t) throws Exception {
        List<String> cmd = List.of("env", "-u", "OPENBLAS_CORETYPE", "-u", "OPENBLAS_L2_SIZE", python, script.toString(),
                "--threads", Integer.toString(t), "--seconds", Double.toString(seconds), s.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        double[] out = null;
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
                if (line.startsWith("# blas") && !blasPrinted) {
                    System.out.println(line);
                    blasPrinted = true;
                } else if (line.startsWith(s + " ")) {
                    String[] f = line.trim().split("\\s+");
                    out = new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])};
                }
            }
        }
        if (p.waitFor() != 0 || out == null) {
            throw new IllegalStateException("numpy_gemm.py failed: " + String.join("\n", lines));
        }
        return out;
    }

    private boolean blasPrinted;

    private Path findScript() {
        if (numpyScript != null) return Files.isRegularFile(numpyScript) ? numpyScript : null;
        List<Path> candidates = new ArrayList<>(Arrays.asList(Path.of("bench", "scripts", "numpy_gemm.py")));
        try { // the jar lives in <repo>/cli/target/
            Path jar = Path.of(BenchGemm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            Path repo = jar.getParent() != null && jar.getParent().getParent() != null ? jar.getParent().getParent().getParent() : null;
            if (repo != null) candidates.add(repo.resolve("bench/scripts/numpy_gemm.py"));
        } catch (Exception ignored) { // no code source: only the working directory is searched
        }
        for (Path c : candidates) if (Files.isRegularFile(c)) return c.toAbsolutePath();
        return null;
    }
}
