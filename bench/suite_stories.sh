#!/usr/bin/env bash
# The stories suite: every story benchmark of bench_stories.py on the code of one tree,
# figures written to OUT so that two trees' runs can be compared line by line.
#
#   bash bench/suite_stories.sh TREE OUT              # run (about 5 minutes on 2 cores)
#   bash bench/suite_stories.sh TREE OUT --held-out   # ... and UCI's held-out half
#   bash bench/suite_stories.sh --compare OUT_A OUT_B # the lines that differ, dense F1 deltas
#
# OUT/basil.txt, mixed.txt: the last line of `bench_stories.py basil|mixed --fresh`;
# OUT/uci_half0.txt: UCI's development half of the stories alone (`uci --half 0`); only
# with --held-out, OUT/uci_half1.txt, the held-out half, and OUT/uci.txt, the whole set
# (which holds the held-out half): run them once, at the end of a piece of work, and read
# no error of theirs (bench/README.md); OUT/dense.txt: one line per dense draw (BASIL's
# 100 events re-dated into D days, told as title and P paragraphs, 0 = all; seeds 5, 7,
# 11, 13): "D P S" then pairwise P, R, F1, triplets complete and stories pure. The 1-day
# draws do not depend on the seed. TREE's own code is run (PYTHONPATH), with the python
# of the active venv.
set -euo pipefail

if [[ "${1:-}" == "--compare" ]]; then
    a=$2 b=$3
    untimed() { sed -E 's/;? stories [0-9.]+s//' "$1"; }  # the seconds differ run to run
    for f in basil mixed uci uci_half0 uci_half1; do
        [[ -f "$a/$f.txt" && -f "$b/$f.txt" ]] || continue
        if [[ "$(untimed "$a/$f.txt")" != "$(untimed "$b/$f.txt")" ]]; then
            echo "$f:"
            echo "  - $(cat "$a/$f.txt")"
            echo "  + $(cat "$b/$f.txt")"
        fi
    done
    paste -d' ' <(awk '{print $1, $2, $3, $9}' "$a/dense.txt") <(awk '{print $9}' "$b/dense.txt") |
        awk '{d = $5 - $4; s += d; if (d > 0) up++; if (d < 0) down++;
              if (d != 0) printf "dense %s days, %s paragraphs, seed %s: %s -> %s (%+.3f)\n", $1, $2, $3, $4, $5, d}
             END {printf "dense: %d gained, %d lost, sum of F1 changes %+.3f\n", up, down, s}'
    exit 0
fi

tree=$(cd "$1" && pwd)
out=$2
mkdir -p "$out"
out=$(cd "$out" && pwd)
work="$out/work"
run() { (cd "$tree" && CLAIMLENS_BENCH_WORK="$work" PYTHONPATH="$tree" python bench/bench_stories.py "$@" 2>&1 | tail -1); }

run basil --fresh > "$out/basil.txt"
run mixed --fresh > "$out/mixed.txt"
run uci --half 0 --fresh > "$out/uci_half0.txt"
if [[ "${3:-}" == "--held-out" ]]; then  # the whole set holds the held-out half's stories
    run uci --fresh > "$out/uci.txt"
    run uci --half 1 --fresh > "$out/uci_half1.txt"
fi
: > "$out/dense.txt"
for seed in 5 7 11 13; do
    for days in 1 3 10 30 75; do
        for paragraphs in 0 1 2; do
            line=$(run dense --fresh --days "$days" --paragraphs "$paragraphs" --seed "$seed")
            figures=$(grep -o 'P [0-9.]* R [0-9.]* F1 [0-9.]*' <<< "$line" || echo "P - R - F1 -")
            counts=$(grep -o '[0-9]*/100 triplets complete, [0-9]*/[0-9]* stories pure' <<< "$line" || true)
            echo "$days $paragraphs $seed $figures $counts" >> "$out/dense.txt"
        done
    done
done
rm -rf "$work"
cat "$out/basil.txt" "$out/mixed.txt" "$out/uci_half0.txt"
if [[ -f "$out/uci_half1.txt" ]]; then cat "$out/uci.txt" "$out/uci_half1.txt"; fi
awk '{s += $9; n++} END {printf "dense: %d draws, mean F1 %.4f\n", n, s / n}' "$out/dense.txt"
