#!/usr/bin/env python3
"""Turns criterion's estimates from `cargo bench --bench calls` into the
ratios quoted in the README and the chart `benches/lookup.svg`.

Usage: python3 benches/report.py [TARGET_DIR]   (default: $CARGO_TARGET_DIR or target)
Prints Markdown tables of nanoseconds per query, the ratios the
performance issue sets targets for (service_name against the direct array,
port and by_name against the exact-case HashMap, glibc) and writes the SVG
(log scale).
"""
import json
import math
import os
import sys

target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CARGO_TARGET_DIR", "target")
root = os.path.join(target, "criterion")


def per_query(group, bench):
    """Median nanoseconds per query of one benchmark (robust to the pauses of
    a shared machine), or None if not run."""
    d = os.path.join(root, group, bench, "new")
    try:
        est = json.load(open(os.path.join(d, "estimates.json")))
        meta = json.load(open(os.path.join(d, "benchmark.json")))
    except FileNotFoundError:
        return None
    n = meta["throughput"]["Elements"]
    return est["median"]["point_estimate"] / n


# The calls users make (`cargo bench --bench calls`), each beside what a
# user would otherwise write. Per row: label, criterion group, benchmarks
# (this crate first), and the baseline its target ratio is taken against.
calls = [
    ("service_name(port, Tcp)", "calls_service_name", ["iana_ports", "direct_array", "hashmap"], "direct_array"),
    ("port(name, Tcp)", "calls_port", ["iana_ports", "hashmap_exact", "hashmap_lowercase"], "hashmap_exact"),
    ("by_name(name).next()", "calls_by_name_next", ["iana_ports", "hashmap_exact", "hashmap_lowercase", "phf_exact"], "hashmap_exact"),
    ("by_name(name), every record", "calls_by_name_all", ["iana_ports", "hashmap_exact"], "hashmap_exact"),
    ("by_port(port, Tcp).next()", "calls_by_port_next", ["iana_ports", "direct_index", "hashmap"], "direct_index"),
    ("by_port(port, Tcp), every record", "calls_by_port_all", ["iana_ports", "direct_index", "hashmap"], "direct_index"),
    ('"https/tcp".parse::<Query>()', "calls_query_parse", ["iana_ports", "split_hashmap_lowercase"], "split_hashmap_lowercase"),
    ('ServiceAddr::parse("host:service")', "calls_service_addr_parse", ["iana_ports", "split_hashmap_lowercase"], "split_hashmap_lowercase"),
    ('ServiceAddr::parse("ip:port") vs SocketAddr', "calls_socket_addr_parse_numeric", ["iana_ports", "std_socket_addr"], "std_socket_addr"),
]
# The targets: (group, baseline, most allowed ratio of this crate to it).
targets = {
    "calls_service_name": 3.0,
    "calls_port": 1.0,
    "calls_by_name_next": 1.0,
}
labels = {
    "iana_ports": "iana-ports",
    "direct_array": "direct array",
    "direct_index": "direct index",
    "hashmap": "HashMap",
    "hashmap_exact": "HashMap (exact case)",
    "hashmap_lowercase": "HashMap (lowercased)",
    "phf_exact": "phf::Map (exact case)",
    "split_hashmap_lowercase": "split + HashMap",
    "std_socket_addr": "std SocketAddr",
}

chart = []
if per_query("calls_service_name", "iana_ports") is not None:
    print("| call | iana-ports ns | baselines ns | iana-ports / baseline | target |")
    print("|---|---:|---|---:|---:|")
    for label, group, benches, base in calls:
        ns = {b: per_query(group, b) for b in benches}
        if ns["iana_ports"] is None or ns[base] is None:
            continue
        others = ", ".join(f"{labels[b]} {ns[b]:.1f}" for b in benches[1:] if ns[b] is not None)
        ratio = ns["iana_ports"] / ns[base]
        t = targets.get(group)
        verdict = "" if t is None else (f"<= {t:g}x " + ("met" if ratio <= t else "NOT met"))
        print(f"| {label} | {ns['iana_ports']:.1f} | {others} | {ratio:.2f}x {labels[base]} | {verdict} |")
        if "by_name_next" in group:
            lc = ns.get("hashmap_lowercase")
            if lc:
                print(f"| (same, against the lowercasing HashMap) | | | {ns['iana_ports'] / lc:.2f}x | |")
        chart.append((label, [(labels[b], ns[b]) for b in benches if ns[b] is not None]))
    g = {b: per_query("calls_glibc", b) for b in ["getservbyname", "iana_ports_port", "getservbyport", "iana_ports_service_name"]}
    if g["getservbyname"] and g["iana_ports_port"]:
        sn = g["getservbyname"] / g["iana_ports_port"]
        sp = g["getservbyport"] / g["iana_ports_service_name"]
        print()
        print(f"getservbyname: {g['getservbyname']:.0f} ns/query, port() {g['iana_ports_port']:.1f} ns: {sn:.0f}x faster (target >= 500x: {'met' if sn >= 500 else 'NOT met'})")
        print(f"getservbyport: {g['getservbyport']:.0f} ns/query, service_name() {g['iana_ports_service_name']:.1f} ns: {sp:.0f}x faster (target >= 1,000x: {'met' if sp >= 1000 else 'NOT met'})")
        chart.append(("/etc/services names (glibc)", [("iana-ports port()", g["iana_ports_port"]), ("getservbyname", g["getservbyname"])]))
        chart.append(("/etc/services ports (glibc)", [("iana-ports service_name()", g["iana_ports_service_name"]), ("getservbyport", g["getservbyport"])]))
    else:
        print("\ncalls/glibc group not run (no /etc/services?)")
    print()

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
    f'<text x="{left}" y="16" font-size="13">ns per lookup (log scale), one run of cargo bench --bench calls</text>',
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
