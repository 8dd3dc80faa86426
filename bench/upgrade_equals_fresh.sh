#!/usr/bin/env bash
# Does an upgrade give what a fresh ingest gives? A database ingested by OLD's code, opened
# and matched (`match --pending`: the work its schema steps leave due) by NEW's, against
# one ingested by NEW's from scratch: every match, statement speaker, quote speaker and key,
# and article's story, compared by article URL and character offsets.
#
#   bash bench/upgrade_equals_fresh.sh OLD_TREE NEW_TREE OUT [JSONL ...]
#
# JSONL: the records to ingest (source, date, title, text, url per line), by default
# BASIL + BBC as `bench_stories.py mixed` writes them (built in OUT first). Prints the
# counts and "identical" or the first differing lines of each dump (OUT/{upgraded,fresh}).
set -euo pipefail

old=$(cd "$1" && pwd)
new=$(cd "$2" && pwd)
mkdir -p "$3"
out=$(cd "$3" && pwd)
shift 3
inputs=("$@")
if [[ ${#inputs[@]} -eq 0 ]]; then
    (cd "$new" && CLAIMLENS_BENCH_WORK="$out/work" PYTHONPATH="$new" \
        python bench/bench_stories.py mixed --fresh > /dev/null)
    inputs=("$out/work/basil_bbc.jsonl")
fi

cli() {  # cli TREE ARGS...: the claimlens command with TREE's code
    local tree=$1
    shift
    (cd "$out" && PYTHONPATH="$tree" python -c 'import sys; from tui.cli import main; sys.exit(main())' "$@")
}

rm -f "$out/upgraded.db" "$out/fresh.db"
cli "$old" --db "$out/upgraded.db" ingest "${inputs[@]}" > "$out/old_ingest.log"
cli "$new" --db "$out/upgraded.db" match --pending > "$out/upgrade_match.log"
cli "$new" --db "$out/fresh.db" ingest "${inputs[@]}" > "$out/fresh_ingest.log"

dump() {  # dump DB DIR: sorted, id-free dumps of what a reader sees
    local db=$1 dir=$2
    mkdir -p "$dir"
    sqlite3 -separator $'\t' "$db" "
        SELECT aa.url, sa.char_start, ab.url, sb.char_start, m.relation, round(m.score, 1)
        FROM matches m
        JOIN statements sa ON sa.id = m.a JOIN articles aa ON aa.id = sa.article_id
        JOIN statements sb ON sb.id = m.b JOIN articles ab ON ab.id = sb.article_id" |
        sort > "$dir/matches.tsv"
    sqlite3 -separator $'\t' "$db" "
        SELECT a.url, s.char_start, s.char_end, coalesce(s.speaker, '')
        FROM statements s JOIN articles a ON a.id = s.article_id" | sort > "$dir/speakers.tsv"
    sqlite3 -separator $'\t' "$db" "
        SELECT a.url, s.char_start + q.char_start, coalesce(q.speaker, ''),
               coalesce(q.speaker_key, '')
        FROM quotes q JOIN statements s ON s.id = q.statement_id
        JOIN articles a ON a.id = s.article_id" | sort > "$dir/quotes.tsv"
    # a story by the URL of its first article, so that story ids need not agree
    sqlite3 -separator $'\t' "$db" "
        SELECT a.url, coalesce((SELECT min(b.url) FROM articles b
                                WHERE b.story_id = a.story_id), '')
        FROM articles a" | sort > "$dir/stories.tsv"
}
dump "$out/upgraded.db" "$out/upgraded"
dump "$out/fresh.db" "$out/fresh"

status=0
for f in matches speakers quotes stories; do
    n=$(wc -l < "$out/fresh/$f.tsv")
    if cmp -s "$out/upgraded/$f.tsv" "$out/fresh/$f.tsv"; then
        echo "$f: $n rows, identical"
    else
        status=1
        echo "$f: $n rows fresh, $(wc -l < "$out/upgraded/$f.tsv") upgraded, differ:"
        diff "$out/upgraded/$f.tsv" "$out/fresh/$f.tsv" | head -10 || true
    fi
done
exit $status
