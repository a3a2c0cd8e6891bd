#!/bin/sh
# Alternates Segue and PyTorch runs of the same two layers (same sizes, same threads) so that both see
# the same machine load; run from the repository root (the launcher builds the CLI when needed).
# usage: bench/scripts/transformer_side_by_side.sh [rounds] [threads]
ROUNDS=${1:-3}; THREADS=${2:-2}
SEGUE="$(dirname "$0")/../../segue"
i=1
while [ $i -le "$ROUNDS" ]; do
  echo "== round $i  $(date -u +%H:%M:%S)  load $(cut -d' ' -f1-3 /proc/loadavg)"
  SEGUE_JAVA_OPTS="-Xmx4g -Dsegue.threads=$THREADS" "$SEGUE" bench transformer --seconds 8 2>&1 | grep '^transformer'
  OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench/scripts/torch_transformer.py --threads "$THREADS" --reps 10 | grep -v '^torch'
  i=$((i+1))
done
