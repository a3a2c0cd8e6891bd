#!/bin/sh
# Alternates Segue and PyTorch training steps of the same model (same sizes, same threads) so that both
# see the same machine load; run from the repository root (the launcher builds the CLI when needed).
# usage: bench/scripts/train_step_side_by_side.sh rta|t4rec [rounds] [threads]
MODEL=${1:-rta}; ROUNDS=${2:-2}; THREADS=${3:-2}
SEGUE="$(dirname "$0")/../../segue"
i=1
while [ $i -le "$ROUNDS" ]; do
  echo "== $MODEL round $i  $(date -u +%H:%M:%S)  load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$SEGUE" bench train-step --model "$MODEL" --threads "$THREADS" --steps 10 --warmup 5 2>/dev/null | grep '^| [RT]'
  OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 "$(dirname "$0")/${MODEL}_train_step.py" --threads "$THREADS" 2>/dev/null | grep '^|\|s/step\|sessions'
  i=$((i+1))
done
