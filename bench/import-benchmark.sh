#!/usr/bin/env bash
# Import benchmark: a >= 1 GB GDELT 2.0-format file made by resampling the real rows in ../shared/data/gdelt,
# imported filtered to PRK, CHN, RUS, USA, KOR, JPN by Strata and, on the same file, by DuckDB's own read_csv
# (DuckDB uses every core). Also the unfiltered Strata import. Each measurement runs RUNS times (default 3)
# on a fresh store; the table gives the median wall time, the throughput and the peak resident memory.
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

measure() { # name, command...
  local name=$1; shift
  local times=() mems=()
  for _ in $(seq "$runs"); do
    rm -f "$work"/*.duckdb* "$work"/*.db*; rm -rf "$work/quarantine"
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err"; exit 1; }
    read -r t m < "$work/time"
    times+=("$t"); mems+=("$m")
  done
  local med mem
  med=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mem=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  awk -v n="$name" -v t="$med" -v b="$bytes" -v m="$mem" -v r="$(tail -1 "$work/out")" \
    'BEGIN { printf "| %s | %.2f | %.0f | %.0f | %s |\n", n, t, b / 1e6 / t, m / 1024, r }'
}

echo
echo "file: $((bytes / 1000000)) MB, $(wc -l < "$file") rows; $(nproc) cores; $(date -u +%Y-%m-%d)"
echo
echo "| run | median wall s | MB/s | peak RSS MB | result |"
echo "|---|---|---|---|---|"
measure "strata import, filtered to $actors" $strata import gdelt2 "$file" --actors $actors --db "$work/s.duckdb"
measure "DuckDB read_csv, same filter and insert" $bench duckdb-import "$file" "$work/d.db" $actors
measure "strata import, unfiltered" $strata import gdelt2 "$file" --db "$work/s.duckdb"
