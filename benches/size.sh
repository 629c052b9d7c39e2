#!/usr/bin/env bash
# Binary growth, load-time relocations and build cost of the crate, measured
# on stand-in consumers built without the crate and with three uses of it:
#   base   - the consumer without the crate
#   const  - compile-time lookups only (port!, service_name_const)
#   slim   - runtime lookups, default-features = false (names, ports,
#            protocols, status)
#   full   - runtime lookups with all metadata (default features)
# Two consumers:
#   benches/size/consumer  x86_64 (the host), std, release, stripped:
#                          file bytes, dynamic relocations, clean build time
#   benches/size/firmware  thumbv7em-none-eabihf, no_std, opt-level = "s",
#                          stripped: file bytes and flash (text + data)
# Sizes are deterministic; build times depend on the machine's load.
# Usage: bash benches/size.sh [x86|thumb]   (default both; from anywhere;
# takes a few minutes; the thumb part needs
# `rustup target add thumbv7em-none-eabihf`)
set -euo pipefail
cd "$(dirname "$0")/size"
out=${SIZE_TARGET_DIR:-$(pwd)/target}
which=${1:-both}

features() {
  case "$1" in
    base) ;;
    *) echo "--features $1" ;;
  esac
}

if [ "$which" != thumb ]; then
  echo "x86_64, std, release, stripped (benches/size/consumer)"
  printf '%-6s %12s %12s %14s %16s\n' build bytes growth relocations build_s
  base_bytes=0; base_rel=0; base_time=0
  for kind in base const slim full; do
    dir="$out/$kind"
    rm -rf "$dir"
    start=$(date +%s.%N)
    # shellcheck disable=SC2046
    cargo build -q --release --manifest-path consumer/Cargo.toml --target-dir "$dir" $(features "$kind")
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
fi

if [ "$which" != x86 ]; then
  target=thumbv7em-none-eabihf
  echo
  echo "$target, no_std, opt-level = \"s\", stripped (benches/size/firmware)"
  printf '%-6s %12s %12s %12s %12s\n' build bytes growth flash growth
  base_bytes=0; base_flash=0
  # One target dir: the build is not timed here.
  dir="$out/firmware"
  for kind in base const slim full; do
    # shellcheck disable=SC2046
    cargo build -q --release --manifest-path firmware/Cargo.toml --target "$target" --target-dir "$dir" $(features "$kind")
    bin="$dir/$target/release/size-firmware"
    bytes=$(stat -c %s "$bin")
    # Flash: every allocated section that has contents (not .bss).
    flash=0
    while read -r size; do flash=$((flash + 16#$size)); done < <(
      readelf -S -W "$bin" | awk '/^ *\[ *[0-9]+\]/ {
        sub(/^ *\[ *[0-9]+\] */, "")
        if ($2 != "NOBITS" && $7 ~ /A/) print $5
      }')
    if [ "$kind" = base ]; then base_bytes=$bytes; base_flash=$flash; fi
    printf '%-6s %12d %12d %12d %12d\n' "$kind" "$bytes" $((bytes - base_bytes)) "$flash" $((flash - base_flash))
  done
fi
