#!/usr/bin/env bash
# The matching suite: every benchmark of a ✓'s trust with the code of TREE, into OUT.
#
#     bash bench/suite_matching.sh TREE OUT [--quick]
#
# TREE is a checkout of claimlens (this repository, or `git worktree add --detach
# /tmp/base COMMIT`); its `db` and `tui` are imported (PYTHONPATH=TREE, ahead of any
# installed copy), with the python on PATH (a venv with the project's dependencies).
# The benchmark scripts and labelled sets are TREE's own. Each bench's output goes to
# OUT/NAME.txt, and for each ingested corpus a sorted dump of every same/conflict
# match (relation, then the two statements' source and text, in sorted order, no
# score) to OUT/pairs_NAME.tsv, so that two runs diff line by line:
#
#     bash bench/suite_matching.sh /tmp/base /tmp/suite-base
#     bash bench/suite_matching.sh "$PWD" /tmp/suite-new
#     diff /tmp/suite-base/pairs_uci.tsv /tmp/suite-new/pairs_uci.tsv
#     bash bench/suite_matching.sh --diff /tmp/suite-base /tmp/suite-new  # every figure file
#         # and the count of pairs each corpus lost and gained
#
# Runs: the random-match sets of UCI (`bench_uci_matches.py --fresh`) and BASIL
# (`bench_pairs_basil.py --random`), the hard pairs (`bench_hard_pairs.py`), MRPC train
# (and test, when the split is in DATA) through the pipeline (`bench_match_mrpc.py`), the held-out BASIL pairs
# (`bench_pairs_basil.py`: report only, never choose on it) and the development pairs
# (`--dev`), BASIL (`bench_stories.py basil`), BASIL + BBC (`bench_stories.py mixed`, the ingest the BASIL random-match sets are drawn from),
# BASIL on one day and four dense draws (days, paragraphs, seed: 10 0 5, 10 2 5, 3 1 11, 30 2 13) (`bench_stories.py dense`),
# BASIL in 7 days with BBC dated among them (`dense --days 7 --seed 29 --bbc`), and the seeds
# (`claimlens ingest` of seeds 000 with source bbc and 004 with source other, then
# `claimlens matches`). Databases go under OUT/work (CLAIMLENS_BENCH_WORK).
# `--quick` leaves out MRPC and the dense draws. About 2.5 minutes at load 2.
set -u -o pipefail

if [ "${1:-}" = "--diff" ]; then
    A=$2
    B=$3
    for f in "$A"/*.txt; do
        n=$(basename "$f")
        if [ -f "$B/$n" ] && ! diff -q <(grep -v '[0-9]\+\.[0-9]*s\b\|seconds\|µs\| ms' "$f") \
            <(grep -v '[0-9]\+\.[0-9]*s\b\|seconds\|µs\| ms' "$B/$n") >/dev/null; then
            echo "== $n differs"
            diff <(grep -v '[0-9]\+\.[0-9]*s\b\|seconds\|µs\| ms' "$f") \
                <(grep -v '[0-9]\+\.[0-9]*s\b\|seconds\|µs\| ms' "$B/$n") | head -40
        fi
    done
    for f in "$A"/pairs_*.tsv; do
        n=$(basename "$f")
        [ -f "$B/$n" ] || continue
        lost=$(comm -23 "$f" "$B/$n" | wc -l)
        gained=$(comm -13 "$f" "$B/$n" | wc -l)
        echo "$n: $(wc -l <"$f") -> $(wc -l <"$B/$n"), lost $lost, gained $gained"
    done
    exit 0
fi

TREE=$(cd "$1" && pwd)
OUT=$(mkdir -p "$2" && cd "$2" && pwd)
QUICK=${3:-}
DATA=${CLAIMLENS_DATA:-/work/shared/data}
SEEDS=${CLAIMLENS_SEEDS:-/work/shared/seeds}
export PYTHONPATH="$TREE"
export CLAIMLENS_BENCH_WORK="$OUT/work"
export CLAIMLENS_DATA="$DATA"
mkdir -p "$CLAIMLENS_BENCH_WORK"
B="$TREE/bench"
cd "$TREE" || exit 1
git -C "$TREE" rev-parse HEAD >"$OUT/tree.txt" 2>/dev/null
git -C "$TREE" status --short --untracked-files=no >>"$OUT/tree.txt" 2>/dev/null

dump() {  # dump DB NAME: every same/conflict match, sorted
    python - "$1" >"$OUT/pairs_$2.tsv" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = []
q = """SELECT m.relation, sa.name, a.text, sb.name, b.text FROM matches m
  JOIN statements a ON a.id = m.a JOIN statements b ON b.id = m.b
  JOIN articles aa ON aa.id = a.article_id JOIN articles ab ON ab.id = b.article_id
  JOIN sources sa ON sa.id = aa.source_id JOIN sources sb ON sb.id = ab.source_id
  WHERE m.relation IN ('same', 'conflict')"""
for rel, s1, t1, s2, t2 in db.execute(q):
    x, y = sorted([(s1, " ".join(t1.split())), (s2, " ".join(t2.split()))])
    rows.append("\t".join((rel, x[0], x[1], y[0], y[1])))
print("\n".join(sorted(rows)))
EOF
}

run() {  # run NAME COMMAND...: its output to OUT/NAME.txt
    local name=$1
    shift
    echo "[$(date -u +%H:%M:%S)] $name: $*" >&2
    "$@" >"$OUT/$name.txt" 2>&1 || echo "exit $?" >>"$OUT/$name.txt"
}

run uci_random python "$B/bench_uci_matches.py" --fresh
dump "$CLAIMLENS_BENCH_WORK/uci.db" uci
run basil_random python "$B/bench_pairs_basil.py" --random
run basil_heldout python "$B/bench_pairs_basil.py"
run basil_dev python "$B/bench_pairs_basil.py" --dev
run hard_pairs python "$B/bench_hard_pairs.py"
run stories_basil python "$B/bench_stories.py" basil --fresh
dump "$CLAIMLENS_BENCH_WORK/basil.db" basil
run stories_mixed python "$B/bench_stories.py" mixed --fresh
dump "$CLAIMLENS_BENCH_WORK/basil_bbc.db" basil_bbc

# the seeds through the CLI, as a user runs them
S="$CLAIMLENS_BENCH_WORK/seeds.db"
rm -f "$S"
{
    python -c "import sys; from tui.cli import main; sys.exit(main())" --db "$S" ingest --source bbc "$SEEDS"/000_*.txt
    python -c "import sys; from tui.cli import main; sys.exit(main())" --db "$S" ingest --source other "$SEEDS"/004_*.txt
    python -c "import sys; from tui.cli import main; sys.exit(main())" --db "$S" matches
} >"$OUT/seeds.txt" 2>&1
dump "$S" seeds

if [ "$QUICK" != "--quick" ]; then
    run mrpc_train python "$B/bench_match_mrpc.py"
    [ -f "$DATA/mrpc/msr_paraphrase_test.txt" ] &&
        run mrpc_test python "$B/bench_match_mrpc.py" "$DATA/mrpc/msr_paraphrase_test.txt"
    for d in "1 0 5" "10 0 5" "10 2 5" "3 1 11" "30 2 13"; do
        set -- $d
        run "dense_$1_$2_$3" python "$B/bench_stories.py" dense --fresh --days "$1" --paragraphs "$2" --seed "$3"
        db="$CLAIMLENS_BENCH_WORK/basil_dense$1$([ "$2" != 0 ] && echo "_p$2")$([ "$3" != 5 ] && echo "_s$3").db"
        dump "$db" "dense_$1_$2_$3"
    done
    # BASIL in 7 days with BBC dated among them: other news in the window (no BBC
    # article tells a BASIL event, so every BASIL-BBC match is wrong)
    run dense_7_0_29_bbc python "$B/bench_stories.py" dense --fresh --days 7 --seed 29 --bbc
    dump "$CLAIMLENS_BENCH_WORK/basil_dense7_s29_bbc.db" dense_7_0_29_bbc
fi
echo "[$(date -u +%H:%M:%S)] done: $OUT" >&2
