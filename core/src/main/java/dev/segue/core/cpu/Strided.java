package dev.segue.core.cpu;

/**
 * Iteration over the index space of a shape for several strided operands at once. Dimensions that are
 * contiguous for every operand are merged first, so a contiguous tensor is one long row. The body is
 * called once per row of the last (merged) dimension with each operand's offset at the row start.
 */
final class Strided {
    private Strided() {}

    /** Called per row: offs[k] = offset of operand k at the row start; n elements; steps[k] its stride. */
    interface Row { void run(int[] offs, int n, int[] steps); }

    /** A merged iteration plan. */
    record Plan(int[] shape, int[][] strides, int[] offsets, int rows, int rowLength) {}

    static Plan plan(int[] shape, int[][] strides, int[] offsets) {
        int ops = strides.length;
        int r = shape.length;
        int[] s = new int[r];
        int[][] st = new int[ops][r];
        int k = 0;
        for (int d = 0; d < r; d++) {
            if (shape[d] == 1) continue;     // size-1 dims contribute nothing
            s[k] = shape[d];
            for (int o = 0; o < ops; o++) st[o][k] = strides[o][d];
            if (k > 0) {
                boolean mergeable = true;
                for (int o = 0; o < ops; o++) if (st[o][k - 1] != st[o][k] * s[k]) { mergeable = false; break; }
                if (mergeable) {
                    s[k - 1] *= s[k];
                    for (int o = 0; o < ops; o++) st[o][k - 1] = st[o][k];
                    continue;
                }
            }
            k++;
        }
        int[] ms = java.util.Arrays.copyOf(s, k);
        int[][] mst = new int[ops][];
        for (int o = 0; o < ops; o++) mst[o] = java.util.Arrays.copyOf(st[o], k);
        int numel = 1;
        for (int x : shape) numel *= x;
        if (numel == 0) return new Plan(new int[]{0}, zeros(ops), offsets.clone(), 0, 0);
        if (k == 0) return new Plan(new int[]{1}, ones(ops), offsets.clone(), 1, 1);
        int rowLength = ms[k - 1];
        return new Plan(ms, mst, offsets.clone(), numel / rowLength, rowLength);
    }

    private static int[][] zeros(int ops) { return new int[ops][1]; }
    private static int[][] ones(int ops) {
        int[][] a = new int[ops][1];
        for (int[] x : a) x[0] = 1;
        return a;
    }

    /** Runs rows [from, to) of the plan sequentially. */
    static void rows(Plan p, int from, int to, Row body) {
        if (from >= to) return;
        int ops = p.strides.length;
        int r = p.shape.length;
        int[] idx = new int[r];
        int[] offs = new int[ops];
        int[] steps = new int[ops];
        for (int o = 0; o < ops; o++) steps[o] = p.strides[o][r - 1];
        // position the odometer at row `from`
        int rem = from;
        for (int d = r - 2; d >= 0; d--) { idx[d] = rem % p.shape[d]; rem /= p.shape[d]; }
        for (int o = 0; o < ops; o++) {
            int off = p.offsets[o];
            for (int d = 0; d < r - 1; d++) off += idx[d] * p.strides[o][d];
            offs[o] = off;
        }
        for (int row = from; row < to; row++) {
            body.run(offs, p.rowLength, steps);
            for (int d = r - 2; d >= 0; d--) {
                idx[d]++;
                for (int o = 0; o < ops; o++) offs[o] += p.strides[o][d];
                if (idx[d] < p.shape[d]) break;
                for (int o = 0; o < ops; o++) offs[o] -= idx[d] * p.strides[o][d];
                idx[d] = 0;
            }
        }
    }

    /** Runs all rows, in parallel chunks when the work is large (elementwise: any split is exact). */
    static void forEachRow(Plan p, Row body) {
        long work = (long) p.rows * p.rowLength;
        if (work < (1 << 15) || p.rows == 1) {
            if (p.rows == 1 && p.rowLength >= (1 << 16)) {
                splitSingleRow(p, body);
                return;
            }
            rows(p, 0, p.rows, body);
            return;
        }
        int grain = Math.max(1, (1 << 14) / Math.max(1, p.rowLength));
        Parallel.forRange(p.rows, grain, (a, b) -> rows(p, a, b, body));
    }

    /** One long row: cut it into chunks so that both cores work. */
    private static void splitSingleRow(Plan p, Row body) {
        int ops = p.strides.length;
        int n = p.rowLength;
        int chunk = 1 << 14;
        Parallel.forRange(n, chunk, (a, b) -> {
            int[] offs = new int[ops];
            int[] steps = new int[ops];
            for (int o = 0; o < ops; o++) {
                steps[o] = p.strides[o][p.strides[o].length - 1];
                offs[o] = p.offsets[o] + a * steps[o];
            }
            body.run(offs, b - a, steps);
        });
    }
}
