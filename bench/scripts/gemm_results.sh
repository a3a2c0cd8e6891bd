#!/usr/bin/env bash
# Measures the GEMM table of bench/RESULTS.md: segue vs numpy/OpenBLAS, same run, 1 and 2 threads,
# on JDK 17 (default java) and JDK 25. Prints the machine, the load and the raw tables.
# Usage: bench/scripts/gemm_results.sh [seconds-per-measurement]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-2}"
jdk25=/usr/lib/jvm/temurin-25-jdk-amd64
args=(bench gemm --compare-numpy --threads 1,2 --size 256,512,1024,2048
      --shape 2560x512x2048,2560x2048x512,128x512x100000 --seconds "$secs")
echo "## $(date -u +%FT%TZ) $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
./segue "${args[@]}" 2>&1 | grep -v '^WARNING: Using incubator'
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -x "$jdk25/bin/java" ]; then
  JAVA_HOME="$jdk25" ./segue "${args[@]}" 2>&1 | grep -v '^WARNING: Using incubator'
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
