package dev.segue.core.cpu;

import dev.segue.core.Tensor;

import static dev.segue.core.cpu.CpuBackend.st;

/**
 * Top-k along the last dim of contiguous x [rows, n]: a bounded heap per row (O(n log k)), then the k
 * survivors sorted. Order: by value (descending for largest), ties by lower index; NaN ranks above
 * every number for largest (as in PyTorch).
 */
final class TopKKernels {
    private TopKKernels() {}

    static void topk(Tensor x, int k, boolean largest, Tensor values, Tensor indices) {
        int n = x.shape()[x.dim() - 1];
        int rows = n == 0 ? 0 : x.numel() / n;
        if (k > n) throw new IllegalArgumentException("topk: k = " + k + " is larger than the dimension size " + n);
        CpuStorage sx = st(x), sv = st(values), si = st(indices);
        int xb = x.offset();
        Parallel.forRange(rows, Math.max(1, (1 << 14) / Math.max(1, n)), (lo, hi) -> {
            int[] heap = new int[k];
            double[] hv = new double[k];
            for (int r = lo; r < hi; r++) {
                int size = 0;
                int base = xb + r * n;
                for (int j = 0; j < n; j++) {
                    double v = sx.get(base + j);
                    double key = largest ? v : -v;
                    if (v != v) key = Double.POSITIVE_INFINITY;   // NaN ranks first either way
                    if (size < k) {
                        heap[size] = j; hv[size] = key; size++;
                        siftUp(heap, hv, size - 1);
                    } else if (k > 0 && better(key, j, hv[0], heap[0])) {
                        heap[0] = j; hv[0] = key;
                        siftDown(heap, hv, size);
                    }
                }
                // the heap's root is the worst survivor: pop into positions k-1 … 0
                for (int pos = size - 1; pos >= 0; pos--) {
                    int j = heap[0];
                    sv.set(values.offset() + r * k + pos, sx.get(base + j));
                    si.set(indices.offset() + r * k + pos, j);
                    heap[0] = heap[pos]; hv[0] = hv[pos];
                    siftDown(heap, hv, pos);
                }
            }
        });
    }

    /** a (key, index) beats b when its key is larger, or equal with a lower index. */
    private static boolean better(double ka, int ia, double kb, int ib) {
        if (ka != kb) return ka > kb;
        return ia < ib;
    }

    /** Min-heap on "better": the root is the worst element. */
    private static void siftUp(int[] h, double[] v, int i) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (better(v[p], h[p], v[i], h[i])) { swap(h, v, p, i); i = p; } else break;
        }
    }

    private static void siftDown(int[] h, double[] v, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1, r = l + 1, w = i;
            if (l < size && better(v[w], h[w], v[l], h[l])) w = l;
            if (r < size && better(v[w], h[w], v[r], h[r])) w = r;
            if (w == i) return;
            swap(h, v, i, w);
            i = w;
        }
    }

    private static void swap(int[] h, double[] v, int a, int b) {
        int t = h[a]; h[a] = h[b]; h[b] = t;
        double u = v[a]; v[a] = v[b]; v[b] = u;
    }
}
