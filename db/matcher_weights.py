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
INTERCEPT = -4.6388
WEIGHTS: tuple[float, ...] = (
    0.0198,  # raw_ratio@0.0
    0.0000,  # raw_ratio@0.3
    0.0000,  # raw_ratio@0.35
    0.0000,  # raw_ratio@0.4
    0.3748,  # raw_ratio@0.45
    0.0857,  # raw_ratio@0.5
    0.3347,  # raw_ratio@0.55
    0.0000,  # raw_ratio@0.6
    0.3003,  # raw_ratio@0.65
    0.1074,  # raw_ratio@0.7
    0.2734,  # raw_ratio@0.75
    0.5201,  # raw_ratio@0.8
    0.2682,  # raw_ratio@0.85
    0.0737,  # raw_ratio@0.9
    0.0174,  # raw_ratio@0.95
    0.0000,  # raw_token_set@0.0
    0.0231,  # raw_token_set@0.3
    0.1294,  # raw_token_set@0.35
    0.0000,  # raw_token_set@0.4
    0.0000,  # raw_token_set@0.45
    0.1031,  # raw_token_set@0.5
    0.3563,  # raw_token_set@0.55
    0.6934,  # raw_token_set@0.6
    0.0000,  # raw_token_set@0.65
    0.0000,  # raw_token_set@0.7
    0.0000,  # raw_token_set@0.75
    0.0000,  # raw_token_set@0.8
    0.0000,  # raw_token_set@0.85
    0.0000,  # raw_token_set@0.9
    0.0000,  # raw_token_set@0.95
    0.4961,  # words_cover@0.0
    0.3368,  # words_cover@0.3
    0.0000,  # words_cover@0.35
    0.1357,  # words_cover@0.4
    0.0388,  # words_cover@0.45
    0.0000,  # words_cover@0.5
    0.0000,  # words_cover@0.55
    0.0000,  # words_cover@0.6
    0.0000,  # words_cover@0.65
    0.2489,  # words_cover@0.7
    0.2550,  # words_cover@0.75
    0.5644,  # words_cover@0.8
    0.1462,  # words_cover@0.85
    0.0413,  # words_cover@0.9
    0.0247,  # words_cover@0.95
    0.3445,  # words_lcs@0.0
    0.0022,  # words_lcs@0.3
    0.1403,  # words_lcs@0.35
    0.0000,  # words_lcs@0.4
    0.1704,  # words_lcs@0.45
    0.0347,  # words_lcs@0.5
    0.0257,  # words_lcs@0.55
    0.0118,  # words_lcs@0.6
    0.3256,  # words_lcs@0.65
    0.1855,  # words_lcs@0.7
    0.3748,  # words_lcs@0.75
    0.0871,  # words_lcs@0.8
    0.0000,  # words_lcs@0.85
    0.0135,  # words_lcs@0.9
    0.0053,  # words_lcs@0.95
    0.0000,  # reordered@0.0
    0.3733,  # reordered@0.05
    0.1087,  # reordered@0.1
    0.4906,  # reordered@0.15
    0.3322,  # reordered@0.2
    0.2363,  # reordered@0.3
    0.6644,  # reordered@0.4
    0.0811,  # reordered@0.6
    -0.4809,  # words_swapped
    -0.2206,  # tokens_swapped
    -0.4811,  # unmatched_run
    -0.2285,  # length_diff
    0.0692,  # weighted_jaccard
    0.2002,  # weighted_containment
    0.4328,  # clause_jaccard
    0.8027,  # local_jaccard@0.0
    0.0000,  # local_jaccard@0.3
    0.0000,  # local_jaccard@0.35
    0.0000,  # local_jaccard@0.4
    0.0000,  # local_jaccard@0.45
    0.0000,  # local_jaccard@0.5
    0.0000,  # local_jaccard@0.55
    0.0970,  # local_jaccard@0.6
    0.0038,  # local_jaccard@0.65
    0.0701,  # local_jaccard@0.7
    0.1742,  # local_jaccard@0.75
    0.1804,  # local_jaccard@0.8
    0.1876,  # local_jaccard@0.85
    0.0686,  # local_jaccard@0.9
    0.0110,  # local_jaccard@0.95
    0.3871,  # local_containment
    0.0000,  # shared_names
    0.0000,  # entity_unmatched
    0.0466,  # numbers_agree
    -0.3762,  # numbers_unmatched
    -0.4168,  # numbers_conflict
    0.0000,  # speaker_agree
    0.0000,  # speaker_disagree
    0.7263,  # quote_overlap
    -0.8517,  # negation_mismatch
    2.4412,  # in_articles
)
