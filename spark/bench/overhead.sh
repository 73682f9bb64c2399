#!/usr/bin/env bash
# Overhead per task of the Spark engine versus the local engine (docs/spark.md): the same sweeps
# through the job jar, with the local engine (--threads 2) and with Spark in local[2] (one run per
# Spark task, then a few partitions). Prints each run's wall time (the sweep only, from summary.json,
# and the whole JVM including Spark's start) and runs. Needs: mvn -pl spark -am package.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/spark/target/hns-spark-job.jar"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
(cd "$root" && mvn -B -q -o -pl spark dependency:build-classpath -Dmdep.includeScope=provided \
  -Dmdep.outputFile="$work/spark-cp.txt" >/dev/null)
opts=$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$root/spark/pom.xml")
cp "$root/spark/src/test/resources/sweep/burst-short.yaml" "$root/spark/src/test/resources/sweep/web.yaml" "$work/"
cat > "$work/tiny.yaml" <<'YAML'
name: tiny
base: burst-short.yaml
grid:
  policy: [vmss-only, burst]
  maxCount: [3, 6]
replications: 100
seed: 7
YAML
conf=(--conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1)
run() { # name sweep args...
  local name=$1 sweep=$2; shift 2
  local out="$work/out-$name" start end
  rm -rf "$out"
  start=$(date +%s.%N)
  SPARK_LOCAL_IP=127.0.0.1 java $opts -Xmx2g -cp "$jar:$(cat "$work/spark-cp.txt")" io.hns.spark.SparkPlanJob \
    "$sweep" --out "$out" --quiet "$@" >/dev/null 2>"$work/$name.err"
  end=$(date +%s.%N)
  python3 - "$out/summary.json" "$name" "$start" "$end" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["engine"]
total = float(sys.argv[4]) - float(sys.argv[3])
print(f'{sys.argv[2]:<24} runs {s["runs_executed"]:>4}  sweep {s["wall_time_s"]:>7.2f} s  '
      f'per run {1000 * s["wall_time_s"] / s["runs_executed"]:>6.2f} ms  JVM total {total:>6.2f} s  ({s["engine"]})')
PY
}
# Short runs (a few ms each) show the overhead; plan-burst shows it against real work. The machine
# may be busy: the tiny sweep goes three rounds, read the best of each.
for round in 1 2 3; do
  run "tiny-local-$round" "$work/tiny.yaml" --engine local --threads 2
  run "tiny-spark-per-run-$round" "$work/tiny.yaml" --master 'local[2]' "${conf[@]}"
  run "tiny-spark-8-partitions-$round" "$work/tiny.yaml" --master 'local[2]' "${conf[@]}" --conf spark.hns.partitions=8
done
run burst-local "$root/scenarios/plan-burst.yaml" --engine local --threads 2
run burst-spark-per-run "$root/scenarios/plan-burst.yaml" --master 'local[2]' "${conf[@]}"
run burst-spark-8-partitions "$root/scenarios/plan-burst.yaml" --master 'local[2]' "${conf[@]}" --conf spark.hns.partitions=8
for f in runs.csv points.csv pareto.csv; do
  for o in "$work"/out-tiny-spark-* "$work"/out-burst-spark-*; do
    case "$o" in *tiny*) ref="$work/out-tiny-local-1" ;; *) ref="$work/out-burst-local" ;; esac
    cmp -s "$ref/$f" "$o/$f" || echo "DIFFERENT: $o/$f"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
