#!/usr/bin/env bash
# Import benchmark: a >= 1 GB GDELT 2.0-format file made by resampling the real rows in ../shared/data/gdelt,
# imported filtered to PRK, CHN, RUS, USA, KOR, JPN by Strata and, on the same file, by DuckDB's own read_csv
# (DuckDB uses every core). Also the unfiltered Strata import, and three floors: reading the file (cat), counting
# its lines (wc -l), and a Strata import that keeps almost nothing (the parser alone).
#
# The runs are interleaved (round 1 of every command, then round 2, ...), each on a fresh store, so that a change
# in the machine's load hits all of them alike. The table gives per command the median wall time, the throughput
# it means, the median CPU time (user + sys, all threads) and the peak resident memory over the rounds.
#
#   bash bench/import-benchmark.sh [SIZE_MB=1024] [RUNS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
actors=PRK,CHN,RUS,USA,KOR,JPN

dotnet build -c Release -v q src/Strata.Cli >/dev/null
dotnet build -c Release -v q bench/Strata.Bench >/dev/null
strata="dotnet src/Strata.Cli/bin/Release/net10.0/linux-x64/Strata.Cli.dll"
bench="dotnet bench/Strata.Bench/bin/Release/net10.0/linux-x64/Strata.Bench.dll"

file="$work/gdelt.export.CSV"
$bench make-gdelt ../shared/data/gdelt/20250807233000.export.CSV "$file" "$size" 1
bytes=$(stat -c %s "$file")
cat "$file" >/dev/null # into the page cache, as for every run below

names=(
  "cat FILE > /dev/null"
  "wc -l FILE"
  "strata import, --actors PRK,CHN --match both (parser alone)"
  "strata import, filtered to the six"
  "DuckDB read_csv, same filter and insert"
  "strata import, unfiltered"
)
run() { # index
  case $1 in
    0) cat "$file" >/dev/null ;;
    1) wc -l "$file" ;;
    2) $strata import gdelt2 "$file" --actors PRK,CHN --match both --db "$work/s.duckdb" ;;
    3) $strata import gdelt2 "$file" --actors $actors --db "$work/s.duckdb" ;;
    4) $bench duckdb-import "$file" "$work/d.db" $actors ;;
    5) $strata import gdelt2 "$file" --db "$work/s.duckdb" ;;
  esac
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq "$runs"); do
  for i in "${!names[@]}"; do
    rm -f "$work"/*.duckdb* "$work"/*.db*; rm -rf "$work/quarantine"
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" bash -c "$(declare -f run); file='$file' work='$work' strata='$strata' bench='$bench' actors='$actors'; run $i" \
      >"$work/out.$i" 2>"$work/err" || { cat "$work/err"; exit 1; }
    cat "$work/time" >>"$work/times.$i"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "file: $((bytes / 1000000)) MB, $(wc -l < "$file") rows; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $load_before before, $load_after after"
echo
echo "| run | median wall s | MB/s | median CPU s | peak RSS MB | result |"
echo "|---|---:|---:|---:|---:|---|"
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for i in "${!names[@]}"; do
  wall=$(awk '{ print $1 }' "$work/times.$i" | median)
  cpu=$(awk '{ print $2 + $3 }' "$work/times.$i" | median)
  mem=$(awk '{ print $4 }' "$work/times.$i" | sort -n | tail -1)
  awk -v n="${names[$i]}" -v b="$bytes" -v w="$wall" -v c="$cpu" -v m="$mem" -v r="$(tail -1 "$work/out.$i" | cut -c1-120)" \
    'BEGIN { printf "| %s | %.2f | %.0f | %.2f | %.0f | %s |\n", n, w, b / 1e6 / w, c, m / 1024, r }'
done
