"""The matcher's fitted constants, written by ``python bench/fit_matcher.py --write``.

Do not edit by hand: the script regenerates this file (see its docstring for the data
and the cross-validated accuracy). One weight per ``db.matcher.MODEL_NAMES`` entry.
"""

# Fitted by bench/fit_matcher.py.
# 'same' at or above these p: bare sentence pairs, pairs inside articles.
SAME_P = 0.75
SAME_P_ARTICLES = 0.6
# ... and for pairs inside articles that share no anchor (db.matcher.ANCHOR_QUOTE).
SAME_P_UNANCHORED = 0.75
# 'related' at or above this p (when the two share a participant), from STS train.
RELATED_P = 0.05
INTERCEPT = -4.6831
WEIGHTS: tuple[float, ...] = (
    0.0198,  # raw_ratio@0.0
    0.0000,  # raw_ratio@0.3
    0.0000,  # raw_ratio@0.35
    0.0000,  # raw_ratio@0.4
    0.3705,  # raw_ratio@0.45
    0.0798,  # raw_ratio@0.5
    0.3393,  # raw_ratio@0.55
    0.0000,  # raw_ratio@0.6
    0.3055,  # raw_ratio@0.65
    0.1131,  # raw_ratio@0.7
    0.2790,  # raw_ratio@0.75
    0.5160,  # raw_ratio@0.8
    0.2656,  # raw_ratio@0.85
    0.0732,  # raw_ratio@0.9
    0.0172,  # raw_ratio@0.95
    0.0000,  # raw_token_set@0.0
    0.0235,  # raw_token_set@0.3
    0.1283,  # raw_token_set@0.35
    0.0000,  # raw_token_set@0.4
    0.0000,  # raw_token_set@0.45
    0.1065,  # raw_token_set@0.5
    0.3547,  # raw_token_set@0.55
    0.6916,  # raw_token_set@0.6
    0.0000,  # raw_token_set@0.65
    0.0000,  # raw_token_set@0.7
    0.0000,  # raw_token_set@0.75
    0.0000,  # raw_token_set@0.8
    0.0000,  # raw_token_set@0.85
    0.0000,  # raw_token_set@0.9
    0.0000,  # raw_token_set@0.95
    0.4954,  # words_cover@0.0
    0.3368,  # words_cover@0.3
    0.0000,  # words_cover@0.35
    0.1390,  # words_cover@0.4
    0.0421,  # words_cover@0.45
    0.0000,  # words_cover@0.5
    0.0000,  # words_cover@0.55
    0.0000,  # words_cover@0.6
    0.0000,  # words_cover@0.65
    0.2610,  # words_cover@0.7
    0.2484,  # words_cover@0.75
    0.5584,  # words_cover@0.8
    0.1453,  # words_cover@0.85
    0.0413,  # words_cover@0.9
    0.0248,  # words_cover@0.95
    0.3429,  # words_lcs@0.0
    0.0053,  # words_lcs@0.3
    0.1492,  # words_lcs@0.35
    0.0000,  # words_lcs@0.4
    0.1631,  # words_lcs@0.45
    0.0362,  # words_lcs@0.5
    0.0113,  # words_lcs@0.55
    0.0313,  # words_lcs@0.6
    0.2842,  # words_lcs@0.65
    0.1948,  # words_lcs@0.7
    0.3778,  # words_lcs@0.75
    0.0872,  # words_lcs@0.8
    0.0000,  # words_lcs@0.85
    0.0139,  # words_lcs@0.9
    0.0058,  # words_lcs@0.95
    0.0000,  # reordered@0.0
    0.3876,  # reordered@0.05
    0.1212,  # reordered@0.1
    0.4676,  # reordered@0.15
    0.3353,  # reordered@0.2
    0.2581,  # reordered@0.3
    0.6509,  # reordered@0.4
    0.0829,  # reordered@0.6
    -0.4880,  # words_swapped
    -0.2138,  # tokens_swapped
    -0.4694,  # unmatched_run
    -0.2315,  # length_diff
    0.0806,  # weighted_jaccard
    0.2057,  # weighted_containment
    0.4434,  # clause_jaccard
    0.8025,  # local_jaccard@0.0
    0.0000,  # local_jaccard@0.3
    0.0000,  # local_jaccard@0.35
    0.0000,  # local_jaccard@0.4
    0.0000,  # local_jaccard@0.45
    0.0000,  # local_jaccard@0.5
    0.0000,  # local_jaccard@0.55
    0.0697,  # local_jaccard@0.6
    0.0349,  # local_jaccard@0.65
    0.0962,  # local_jaccard@0.7
    0.1682,  # local_jaccard@0.75
    0.1683,  # local_jaccard@0.8
    0.1853,  # local_jaccard@0.85
    0.0681,  # local_jaccard@0.9
    0.0112,  # local_jaccard@0.95
    0.3784,  # local_containment
    0.0000,  # shared_names
    0.0000,  # entity_unmatched
    0.0608,  # numbers_agree
    -0.3793,  # numbers_unmatched
    -0.4609,  # numbers_conflict
    0.0000,  # speaker_agree
    0.0000,  # speaker_disagree
    0.7307,  # quote_overlap
    -0.8621,  # negation_mismatch
    2.4488,  # in_articles
)
