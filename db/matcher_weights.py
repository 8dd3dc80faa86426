"""The matcher's fitted constants, written by ``python bench/fit_matcher.py --write``.

Do not edit by hand: the script regenerates this file (see its docstring for the data
and the cross-validated accuracy). One weight per ``db.matcher.MODEL_NAMES`` entry.
"""

# Fitted by bench/fit_matcher.py.
# 'same' at or above these p: bare sentence pairs, pairs inside articles.
SAME_P = 0.75
SAME_P_ARTICLES = 0.55
# 'related' at or above this p (when the two share a participant), from STS train.
RELATED_P = 0.05
INTERCEPT = -4.6088
WEIGHTS: tuple[float, ...] = (
    0.0174,  # raw_ratio@0.0
    0.0000,  # raw_ratio@0.3
    0.0000,  # raw_ratio@0.35
    0.0000,  # raw_ratio@0.4
    0.3907,  # raw_ratio@0.45
    0.0852,  # raw_ratio@0.5
    0.3403,  # raw_ratio@0.55
    0.0000,  # raw_ratio@0.6
    0.2995,  # raw_ratio@0.65
    0.1086,  # raw_ratio@0.7
    0.2737,  # raw_ratio@0.75
    0.5204,  # raw_ratio@0.8
    0.2686,  # raw_ratio@0.85
    0.0735,  # raw_ratio@0.9
    0.0174,  # raw_ratio@0.95
    0.0000,  # raw_token_set@0.0
    0.0209,  # raw_token_set@0.3
    0.1272,  # raw_token_set@0.35
    0.0000,  # raw_token_set@0.4
    0.0000,  # raw_token_set@0.45
    0.1077,  # raw_token_set@0.5
    0.3470,  # raw_token_set@0.55
    0.7021,  # raw_token_set@0.6
    0.0000,  # raw_token_set@0.65
    0.0000,  # raw_token_set@0.7
    0.0000,  # raw_token_set@0.75
    0.0000,  # raw_token_set@0.8
    0.0000,  # raw_token_set@0.85
    0.0000,  # raw_token_set@0.9
    0.0000,  # raw_token_set@0.95
    0.4896,  # words_cover@0.0
    0.3366,  # words_cover@0.3
    0.0000,  # words_cover@0.35
    0.1197,  # words_cover@0.4
    0.0467,  # words_cover@0.45
    0.0000,  # words_cover@0.5
    0.0000,  # words_cover@0.55
    0.0000,  # words_cover@0.6
    0.0000,  # words_cover@0.65
    0.2473,  # words_cover@0.7
    0.2559,  # words_cover@0.75
    0.5647,  # words_cover@0.8
    0.1464,  # words_cover@0.85
    0.0413,  # words_cover@0.9
    0.0247,  # words_cover@0.95
    0.3367,  # words_lcs@0.0
    0.0000,  # words_lcs@0.3
    0.1332,  # words_lcs@0.35
    0.0000,  # words_lcs@0.4
    0.1723,  # words_lcs@0.45
    0.0337,  # words_lcs@0.5
    0.0238,  # words_lcs@0.55
    0.0135,  # words_lcs@0.6
    0.3266,  # words_lcs@0.65
    0.1852,  # words_lcs@0.7
    0.3751,  # words_lcs@0.75
    0.0871,  # words_lcs@0.8
    0.0000,  # words_lcs@0.85
    0.0133,  # words_lcs@0.9
    0.0053,  # words_lcs@0.95
    0.0000,  # reordered@0.0
    0.3692,  # reordered@0.05
    0.1058,  # reordered@0.1
    0.4924,  # reordered@0.15
    0.3369,  # reordered@0.2
    0.2380,  # reordered@0.3
    0.6649,  # reordered@0.4
    0.0805,  # reordered@0.6
    -0.4830,  # words_swapped
    -0.2230,  # tokens_swapped
    -0.4875,  # unmatched_run
    -0.2278,  # length_diff
    0.0663,  # weighted_jaccard
    0.1983,  # weighted_containment
    0.4336,  # clause_jaccard
    0.8009,  # local_jaccard@0.0
    0.0000,  # local_jaccard@0.3
    0.0000,  # local_jaccard@0.35
    0.0000,  # local_jaccard@0.4
    0.0000,  # local_jaccard@0.45
    0.0000,  # local_jaccard@0.5
    0.0000,  # local_jaccard@0.55
    0.0960,  # local_jaccard@0.6
    0.0040,  # local_jaccard@0.65
    0.0679,  # local_jaccard@0.7
    0.1736,  # local_jaccard@0.75
    0.1815,  # local_jaccard@0.8
    0.1876,  # local_jaccard@0.85
    0.0684,  # local_jaccard@0.9
    0.0111,  # local_jaccard@0.95
    0.3865,  # local_containment
    0.0000,  # shared_names
    0.0000,  # entity_unmatched
    0.0475,  # numbers_agree
    -0.3711,  # numbers_unmatched
    -0.4222,  # numbers_conflict
    0.0000,  # speaker_agree
    0.0000,  # speaker_disagree
    0.7237,  # quote_overlap
    -0.8491,  # negation_mismatch
    2.4316,  # in_articles
)
