package dev.segue.cli;

import dev.segue.core.cpu.Parallel;
import dev.segue.recsys.eval.GemmScoreBlock;
import dev.segue.recsys.eval.ScoreBlock;
import dev.segue.recsys.eval.TopK;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code segue bench topk}: full-catalogue scoring + top-k against scoring alone (same blocks, same
 * threads), to show the selection costs little next to the score GEMM.
 */
@Command(name = "topk", mixinStandardHelpOptions = true, description = "Benchmark batched full-catalogue top-k against scoring alone.")
public final class BenchTopK implements Callable<Integer> {
    @Option(names = "--queries", defaultValue = "1024") int queries;
    @Option(names = "--items", defaultValue = "100000") int items;
    @Option(names = "--dim", defaultValue = "512") int dim;
    @Option(names = "--k", split = ",", defaultValue = "20,500") int[] ks;
    @Option(names = "--runs", defaultValue = "3") int runs;

    @Override
    public Integer call() {
        SplittableRandom r = new SplittableRandom(1);
        float[] q = new float[queries * dim], it = new float[items * dim];
        for (int i = 0; i < q.length; i++) q[i] = (float) r.nextGaussian();
        for (int i = 0; i < it.length; i++) it[i] = (float) r.nextGaussian();
        ScoreBlock block = GemmScoreBlock.INSTANCE;
        double flops = 2.0 * queries * items * dim;
        double score = best(() -> scoreOnly(q, it, block));
        System.out.printf(Locale.ROOT, "| queries × items × d | k | scoring only, wall (s) | scoring + top-k, wall (s) | selection CPU / scoring CPU | GFLOP/s (scoring) | threads |%n|---|---:|---:|---:|---:|---:|---:|%n");
        for (int k : ks) {
            double both = best(() -> TopK.topK(q, queries, it, items, dim, k, block, TopK.NONE));
            double[] cpu = cpuSplit(q, it, block, k);
            System.out.printf(Locale.ROOT, "| %,d × %,d × %d | %d | %.2f | %.2f | %.2f%% | %.1f | %d |%n", queries, items, dim, k, score, both,
                    100 * cpu[1] / cpu[0], flops / score / 1e9, Parallel.threads());
        }
        return 0;
    }

    /**
     * Thread CPU time of the scoring and of the selection, measured separately on one thread over all
     * blocks: unlike wall time on a shared machine, it is not disturbed by other processes.
     */
    private double[] cpuSplit(float[] q, float[] it, ScoreBlock block, int k) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long scoreNs = 0, selectNs = 0;
        int ib = TopK.ITEM_BLOCK;
        for (int q0 = 0; q0 < queries; q0 += TopK.QUERY_BLOCK) {
            int rows = Math.min(TopK.QUERY_BLOCK, queries - q0);
            float[] buf = new float[rows * ib];
            TopK.Heap[] heaps = new TopK.Heap[rows];
            for (int r = 0; r < rows; r++) heaps[r] = new TopK.Heap(k);
            for (int from = 0; from < items; from += ib) {
                int count = Math.min(ib, items - from);
                long t0 = mx.getCurrentThreadCpuTime();
                block.scores(q, q0 * dim, rows, it, from, count, dim, buf, ib);
                long t1 = mx.getCurrentThreadCpuTime();
                for (int r = 0; r < rows; r++) heaps[r].offerAll(buf, r * ib, count, from, new int[0]);
                long t2 = mx.getCurrentThreadCpuTime();
                scoreNs += t1 - t0;
                selectNs += t2 - t1;
            }
            long t0 = mx.getCurrentThreadCpuTime();
            int[] ids = new int[k];
            float[] sc = new float[k];
            for (int r = 0; r < rows; r++) heaps[r].drainSorted(ids, sc, 0);
            selectNs += mx.getCurrentThreadCpuTime() - t0;
        }
        return new double[] {scoreNs, selectNs};
    }

    private double best(Runnable job) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i <= runs; i++) { // first run warms up
            long t0 = System.nanoTime();
            job.run();
            double s = (System.nanoTime() - t0) / 1e9;
            System.err.printf(Locale.ROOT, "bench topk: %.2f s%n", s);
            if (i > 0) best = Math.min(best, s);
        }
        return best;
    }

    /** The same blocking as {@link TopK} with the selection left out. */
    private void scoreOnly(float[] q, float[] it, ScoreBlock block) {
        int blocks = (queries + TopK.QUERY_BLOCK - 1) / TopK.QUERY_BLOCK;
        Parallel.forEach(blocks, b -> {
            int q0 = b * TopK.QUERY_BLOCK, rows = Math.min(TopK.QUERY_BLOCK, queries - q0);
            float[] buf = new float[rows * TopK.ITEM_BLOCK];
            for (int from = 0; from < items; from += TopK.ITEM_BLOCK)
                block.scores(q, q0 * dim, rows, it, from, Math.min(TopK.ITEM_BLOCK, items - from), dim, buf, TopK.ITEM_BLOCK);
        });
    }
}
