#!/usr/bin/env bash
# Throughput of `newsmark annotate` with 1 and 2 jobs on the dev corpora, measured back to back:
# the five ../shared/corpus/*_dev.jsonl joined and repeated COPIES times (default 4), annotated
# ROUNDS times (default 5) alternating --jobs 1 and --jobs 2. Prints each run and the median
# per job count: wall time, documents/s and MB/s (wall clock), user CPU time and peak memory
# (max RSS), and the machine's load average before and after (the speed-up means little on a
# loaded machine). Checks both job counts write the same bytes. Needs GNU time (/usr/bin/time).
#   bash scripts/annotate-speed.sh [ROUNDS] [COPIES]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
copies=${2:-4}
cargo build --release --bin newsmark >/dev/null 2>&1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq "$copies"); do cat ../shared/corpus/*_dev.jsonl; done > "$work/in.jsonl"
docs=$(grep -c . "$work/in.jsonl")
bytes=$(wc -c < "$work/in.jsonl")
echo "input: $docs documents, $bytes bytes (dev corpora x $copies); load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  for jobs in 1 2; do
    /usr/bin/time -o "$work/time" -f "%e %U %M" \
      ./target/release/newsmark annotate --jobs "$jobs" "$work/in.jsonl" "$work/out$jobs.jsonl"
    echo "$jobs $(cat "$work/time")" >> "$work/runs"
  done
done
cmp -s "$work/out1.jsonl" "$work/out2.jsonl" || { echo "--jobs 1 and 2 differ" >&2; exit 1; }
python3 - "$work/runs" "$docs" "$bytes" <<'PY'
import statistics, sys
runs, docs, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
by = {}
for line in open(runs):
    jobs, wall, user, rss = line.split()
    by.setdefault(jobs, []).append((float(wall), float(user), int(rss)))
for jobs, rs in sorted(by.items()):
    walls = [r[0] for r in rs]
    print(f"--jobs {jobs}: wall " + " ".join(f"{w:.2f}" for w in walls) + " s")
med = {}
for jobs, rs in sorted(by.items()):
    wall = statistics.median(r[0] for r in rs)
    user = statistics.median(r[1] for r in rs)
    rss = max(r[2] for r in rs)
    med[jobs] = wall
    print(f"--jobs {jobs} median: {wall:.2f} s wall, {docs / wall:.0f} docs/s, "
          f"{size / wall / 1e6:.2f} MB/s; {user:.2f} s user CPU ({size / user / 1e6:.1f} MB per CPU-s); "
          f"peak {rss / 1024:.1f} MB")
print(f"speed-up of --jobs 2 over --jobs 1 (median wall): {med['1'] / med['2']:.2f}x")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
