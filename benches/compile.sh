#!/usr/bin/env bash
# What the crate adds to a consumer's clean release build, side by side with
# the same consumer without it (benches/size/consumer, as in size.sh):
#   base  - the consumer without the crate
#   slim  - runtime lookups, default-features = false
#   full  - runtime lookups with all metadata (default features)
# Each round builds the three from clean, one after the other, with
# `cargo build --release --timings`, and prints the wall time, the CPU time
# (user + sys of cargo and every rustc and build script), the load average
# before the build, and where the time went: the units on the critical path
# (memchr -> quick-xml -> build script compile -> build script run -> the
# library -> the binary) and the build-dependencies beside it, each as
# seconds from cargo's own timing report. Times depend on the machine's
# load: compare rounds side by side, never across runs.
# Usage: bash benches/compile.sh [ROUNDS]   (default 3; from anywhere; needs
# python3 to read cargo's timing report)
set -euo pipefail
cd "$(dirname "$0")/size"
out=${COMPILE_TARGET_DIR:-$(pwd)/target/compile}
rounds=${1:-3}

features() {
  case "$1" in
    base) ;;
    *) echo "--features $1" ;;
  esac
}

# The units of cargo's timing report (an HTML page that carries its data
# as `const UNIT_DATA = [...]`), as `name:target=seconds` pairs.
units() {
  python3 - "$1" <<'EOF'
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
data = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", page, re.S).group(1))
short = {"": "lib", "build-script": "script", "build-script (run)": "run"}
parts = []
for u in data:
    target = u.get("target", "").strip()
    kind = short.get(target, "bin" if "bin" in target else target)
    parts.append(f"{u['name']}:{kind}={u['duration']:.2f}")
print(" ".join(parts))
EOF
}

printf '%-5s %-5s %6s %7s %7s  %s\n' round build load wall_s cpu_s "units (s)"
for round in $(seq "$rounds"); do
  for kind in base slim full; do
    dir="$out/$kind"
    rm -rf "$dir"
    load=$(cut -d' ' -f1 /proc/loadavg)
    TIMEFORMAT='%R %U %S'
    # shellcheck disable=SC2046
    t=$({ time cargo build -q --release --timings --manifest-path consumer/Cargo.toml \
      --target-dir "$dir" $(features "$kind") > /dev/null 2>&1; } 2>&1)
    read -r wall user sys <<< "$t"
    report=$(ls -t "$dir"/cargo-timings/cargo-timing-*.html | head -1)
    printf '%-5s %-5s %6s %7.2f %7.2f  %s\n' "$round" "$kind" "$load" "$wall" \
      "$(echo "$user + $sys" | bc)" "$(units "$report")"
  done
done
