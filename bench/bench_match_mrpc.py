"""An MRPC split through the shipped matcher (what ``claimlens pairs`` prints).

    python bench/bench_match_mrpc.py                        # the train split
    python bench/bench_match_mrpc.py PATH/msr_paraphrase_test.txt

``same`` counts as paraphrase; ``conflict`` and ``different`` as not. The weights
were fitted on the train split (with the BASIL pairs), so on it this is training
accuracy: the honest numbers are the 10-fold CV accuracy printed by
``bench/fit_matcher.py`` and this script on the test split, which nothing is fitted on.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_match_data import MRPC, mrpc_pairs

from db.matcher import compare_texts


def main() -> None:
    pairs = mrpc_pairs(Path(sys.argv[1]) if len(sys.argv) > 1 else MRPC)
    started = time.monotonic()
    tp = fp = tn = fn = 0
    relations: Counter[str] = Counter()
    for label, a, b in pairs:
        rel = compare_texts(a, b).relation
        relations[rel] += 1
        same = rel == "same"
        tp += same and label == 1
        fp += same and label == 0
        tn += (not same) and label == 0
        fn += (not same) and label == 1
    seconds = time.monotonic() - started
    n = len(pairs)
    print(f"{n} pairs in {seconds:.1f}s ({n / seconds:,.0f} pairs/s); relations {dict(relations)}")
    print(
        f"accuracy {(tp + tn) / n:.4f}, precision {tp / max(1, tp + fp):.4f},"
        f" recall {tp / max(1, tp + fn):.4f} (always 'same': {(tp + fn) / n:.4f})"
    )


if __name__ == "__main__":
    main()
