#!/usr/bin/env bash
# Binary growth, load-time relocations and build cost of the crate, measured
# on a stand-in consumer (benches/size/consumer) built three ways:
#   base  - the consumer without the crate
#   full  - with iana-ports' default features (all metadata)
#   slim  - with default-features = false (names, ports, protocols, status)
# Usage: bash benches/size.sh   (from the repository root; takes a few minutes)
set -euo pipefail
cd "$(dirname "$0")/size"
out=${SIZE_TARGET_DIR:-$(pwd)/target}
manifest=consumer/Cargo.toml
printf '%-6s %12s %12s %14s %12s\n' build bytes growth relocations build_s
base_bytes=0; base_rel=0; base_time=0
for kind in base full slim; do
  feat=(); [ "$kind" = base ] || feat=(--features "$kind")
  dir="$out/$kind"
  rm -rf "$dir"
  start=$(date +%s.%N)
  cargo build -q --release --manifest-path "$manifest" --target-dir "$dir" "${feat[@]}"
  end=$(date +%s.%N)
  bin="$dir/release/size-consumer"
  bytes=$(stat -c %s "$bin")
  rel=$(readelf -r "$bin" | grep -cE '^[0-9a-f]{8,}' || true)
  secs=$(echo "$end - $start" | bc)
  if [ "$kind" = base ]; then base_bytes=$bytes; base_rel=$rel; base_time=$secs; fi
  printf '%-6s %12d %12d %7d (+%4d) %6.1f (+%4.1f)\n' "$kind" "$bytes" $((bytes - base_bytes)) "$rel" $((rel - base_rel)) "$secs" "$(echo "$secs - $base_time" | bc)"
done
# The build script alone: run the compiled script again, as cargo would.
script=$(ls -t "$out"/full/release/build/iana-ports-*/build-script-build | head -1)
tmp=$(mktemp -d)
start=$(date +%s.%N)
CARGO_MANIFEST_DIR=$(cd ../.. && pwd) OUT_DIR=$tmp "$script" > /dev/null
end=$(date +%s.%N)
echo "build script run: $(echo "$end - $start" | bc) s"
rm -rf "$tmp"
