#!/usr/bin/env python3
"""Turns criterion's estimates from `cargo bench --bench lookup` into the
ratios quoted in the README and the chart `benches/lookup.svg`.

Usage: python3 benches/report.py [TARGET_DIR]   (default: $CARGO_TARGET_DIR or target)
Prints a Markdown table of nanoseconds per query and the ratios the
performance issue sets targets for; writes the SVG (log scale).
"""
import json
import math
import os
import sys

target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CARGO_TARGET_DIR", "target")
root = os.path.join(target, "criterion")


def per_query(group, bench):
    """Mean nanoseconds per query of one benchmark, or None if not run."""
    d = os.path.join(root, group, bench, "new")
    try:
        est = json.load(open(os.path.join(d, "estimates.json")))
        meta = json.load(open(os.path.join(d, "benchmark.json")))
    except FileNotFoundError:
        return None
    n = meta["throughput"]["Elements"]
    return est["mean"]["point_estimate"] / n


rows = [
    ("by_name, hits (mixed case)", "by_name_hits", ["iana_ports", "phf_exact_baseline", "hashmap"]),
    ("by_name, misses", "by_name_misses", ["iana_ports", "phf_exact_baseline", "hashmap"]),
    ("by_port, hits (ranges included)", "by_port_hits", ["iana_ports", "direct_index_baseline", "hashmap"]),
    ("by_port, misses", "by_port_misses", ["iana_ports", "direct_index_baseline", "hashmap"]),
]
glibc = {
    "getservbyname": per_query("glibc", "getservbyname"),
    "iana_ports_by_name": per_query("glibc", "iana_ports_by_name"),
    "getservbyport": per_query("glibc", "getservbyport"),
    "iana_ports_by_port": per_query("glibc", "iana_ports_by_port"),
}

print("| query set | iana-ports ns | baseline ns | HashMap ns | iana-ports / baseline |")
print("|---|---:|---:|---:|---:|")
chart = []
for label, group, (ours, base, hm) in rows:
    a, b, h = per_query(group, ours), per_query(group, base), per_query(group, hm)
    if a is None:
        continue
    print(f"| {label} | {a:.1f} | {b:.1f} | {h:.1f} | {a / b:.2f}x |")
    chart.append((label, [("iana-ports", a), (base.replace("_", " "), b), ("HashMap", h)]))
if glibc["getservbyname"]:
    sn = glibc["getservbyname"] / glibc["iana_ports_by_name"]
    sp = glibc["getservbyport"] / glibc["iana_ports_by_port"]
    print()
    print(f"getservbyname: {glibc['getservbyname']:.0f} ns/query, iana-ports by_name {glibc['iana_ports_by_name']:.1f} ns: {sn:.0f}x faster")
    print(f"getservbyport: {glibc['getservbyport']:.0f} ns/query, iana-ports by_port {glibc['iana_ports_by_port']:.1f} ns: {sp:.0f}x faster")
    chart.append(("/etc/services names (glibc)", [("iana-ports", glibc["iana_ports_by_name"]), ("getservbyname", glibc["getservbyname"])]))
    chart.append(("/etc/services ports (glibc)", [("iana-ports", glibc["iana_ports_by_port"]), ("getservbyport", glibc["getservbyport"])]))
else:
    print("\nglibc group not run (no /etc/services?)")

# The chart: one row of bars per query set, log-scale nanoseconds.
colors = {"iana-ports": "#2b6cb0"}
other = ["#a0aec0", "#ed8936", "#c53030"]
values = [v for _, bars in chart for _, v in bars]
if not values:
    sys.exit("no criterion results under " + root)
lo = 10 ** math.floor(math.log10(min(values)))
hi = 10 ** math.ceil(math.log10(max(values)))
left, width, bar_h, gap = 230, 520, 14, 12
height = 40 + sum(len(b) * bar_h + gap for _, b in chart) + 30


def x(v):
    return left + width * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))


svg = [
    f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 90}" height="{height}" font-family="sans-serif" font-size="11">',
    f'<text x="{left}" y="16" font-size="13">ns per lookup (log scale), one run of cargo bench --bench lookup</text>',
]
decade = lo
while decade <= hi:
    svg.append(f'<line x1="{x(decade):.1f}" y1="26" x2="{x(decade):.1f}" y2="{height - 24}" stroke="#e2e8f0"/>')
    svg.append(f'<text x="{x(decade):.1f}" y="{height - 10}" text-anchor="middle">{decade:g}</text>')
    decade *= 10
y = 34
for label, bars in chart:
    svg.append(f'<text x="{left - 8}" y="{y + bar_h}" text-anchor="end" font-weight="bold">{label}</text>')
    for k, (name, v) in enumerate(bars):
        color = colors.get(name, other[(k - 1) % len(other)])
        svg.append(f'<rect x="{left}" y="{y}" width="{x(v) - left:.1f}" height="{bar_h - 2}" fill="{color}"/>')
        svg.append(f'<text x="{x(v) + 4:.1f}" y="{y + bar_h - 4}">{name} {v:.3g}</text>')
        y += bar_h
    y += gap
svg.append("</svg>")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lookup.svg")
open(out, "w").write("\n".join(svg) + "\n")
print(f"\nwrote {out}")
