#!/usr/bin/env python3
"""float32 numpy.matmul throughput, the yardstick for `segue bench gemm --compare-numpy`.

Usage: numpy_gemm.py [--threads N] [--seconds S] MxKxN [MxKxN ...]
Prints one line per shape: "MxKxN threads ms gflops", plus a header line "# blas ..." naming the BLAS
library and kernel that runs. Run it with Debian's /usr/bin/python3 (python3-numpy over
libopenblas0-pthread) and with OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset, so that OpenBLAS picks its
own kernel for this CPU. The thread count is fixed through OPENBLAS_NUM_THREADS before numpy loads.
"""
import argparse
import ctypes
import os
import sys
import time


def blas_info():
    """The BLAS shared object numpy loaded, and OpenBLAS's own description of its build and core."""
    libs = sorted({line.split()[-1] for line in open("/proc/self/maps") if "blas" in line.lower() and "/" in line})
    desc = ""
    for lib in libs:
        if "openblas" in os.path.basename(lib):
            try:
                so = ctypes.CDLL(lib)
                so.openblas_get_config.restype = ctypes.c_char_p
                so.openblas_get_corename.restype = ctypes.c_char_p
                desc = "%s; core %s; threads %d" % (so.openblas_get_config().decode(),
                                                   so.openblas_get_corename().decode(),
                                                   so.openblas_get_num_threads())
            except (OSError, AttributeError):
                pass
    return ", ".join(libs), desc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--seconds", type=float, default=1.0, help="time budget per shape (best of the runs)")
    ap.add_argument("shapes", nargs="+")
    args = ap.parse_args()
    if args.threads is not None:
        os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)
    import numpy as np  # after the thread count is fixed

    libs, desc = blas_info()
    print("# blas %s | %s | numpy %s" % (libs, desc, np.__version__), flush=True)
    rng = np.random.default_rng(1)
    for shape in args.shapes:
        trans_b = shape.lower().endswith("t")  # B stored [n, k] and used transposed (queries · items^T)
        m, k, n = (int(x) for x in shape.lower().rstrip("t").split("x"))
        a = rng.random((m, k), dtype=np.float32)
        b = rng.random((n, k), dtype=np.float32).T if trans_b else rng.random((k, n), dtype=np.float32)
        c = np.empty((m, n), dtype=np.float32)
        np.matmul(a, b, out=c)  # warm-up: thread start-up, page faults
        best, reps, t_end = float("inf"), 0, time.perf_counter() + args.seconds
        while reps < 3 or time.perf_counter() < t_end:
            t0 = time.perf_counter()
            np.matmul(a, b, out=c)
            best = min(best, time.perf_counter() - t0)
            reps += 1
        print("%s %s %.4f %.2f" % (shape, args.threads or "default", best * 1e3, 2.0 * m * n * k / best / 1e9), flush=True)


if __name__ == "__main__":
    sys.exit(main())
