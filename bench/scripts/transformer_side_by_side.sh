#!/bin/sh
# Alternates Segue and PyTorch runs of the same two layers (same sizes, same threads) so that both see
# the same machine load; run from the repository root after `mvn -pl cli -am compile`.
# usage: bench/scripts/transformer_side_by_side.sh [rounds] [threads]
ROUNDS=${1:-3}; THREADS=${2:-2}
CP=core/target/classes:nn/target/classes:cli/target/classes:$HOME/.m2/repository/info/picocli/picocli/4.7.6/picocli-4.7.6.jar
LAUNCH=$(mktemp -d)/RunBench.java
echo 'public class RunBench { public static void main(String[] a) { System.exit(new picocli.CommandLine(new dev.segue.cli.BenchTransformer()).execute(a)); } }' > "$LAUNCH"
i=1
while [ $i -le "$ROUNDS" ]; do
  echo "== round $i  $(date -u +%H:%M:%S)  load $(cut -d' ' -f1-3 /proc/loadavg)"
  java --add-modules jdk.incubator.vector -Xmx4g -Dsegue.threads="$THREADS" -cp "$CP" "$LAUNCH" --seconds 8 2>&1 | grep '^transformer'
  OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench/scripts/torch_transformer.py --threads "$THREADS" --reps 10 | grep -v '^torch'
  i=$((i+1))
done
