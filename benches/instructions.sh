#!/usr/bin/env bash
# Instructions per call, each call beside what a user would otherwise
# write, from valgrind (cachegrind, no cache simulation): the inputs and
# baselines of `cargo bench --bench calls`, one operation a run
# (benches/instructions.rs). A count is the same on every run of the same
# binary, whatever else the machine does: the deterministic side of the
# timings, which show latency (divisions, cache misses) where counts do not.
# Each operation runs twice, over its inputs 0 and ROUNDS times; the
# difference over the calls is its cost per call.
# Usage: bash benches/instructions.sh [ROUNDS]   (default 5; needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
bin=$(cargo bench -q --bench instructions --no-run --message-format=json 2>/dev/null |
  sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1)
[ -x "$bin" ] || { echo "no bench binary: cargo bench --bench instructions --no-run" >&2; exit 1; }

# Instructions of one run: cachegrind's "I refs" (or "I   refs") line.
count() {
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$bin" "$@" 2>&1 >/dev/null |
    sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' | tr -d ,
}

per_call() {
  local op=$1 calls base full
  calls=$("$bin" "$op" 0 | sed -n 's/.*: \([0-9]*\) calls a round.*/\1/p')
  base=$(count "$op" 0)
  full=$(count "$op" "$rounds")
  python3 -c "print(f'{($full - $base) / ($rounds * $calls):.1f}')"
}

printf '%-22s %10s   %-22s %10s %7s\n' call instr baseline instr ratio
for pair in service_name:direct_array by_name_next:by_name_hashmap port:port_hashmap \
  query_parse:query_split_hashmap addr_parse:addr_split_hashmap; do
  ours=${pair%%:*} theirs=${pair##*:}
  a=$(per_call "$ours") b=$(per_call "$theirs")
  printf '%-22s %10s   %-22s %10s %6sx\n' "$ours" "$a" "$theirs" "$b" \
    "$(python3 -c "print(f'{$a / $b:.2f}')")"
done
