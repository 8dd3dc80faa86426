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
INTERCEPT = -4.6179
WEIGHTS: tuple[float, ...] = (
    0.0193,  # raw_ratio@0.0
    0.0000,  # raw_ratio@0.3
    0.0000,  # raw_ratio@0.35
    0.0000,  # raw_ratio@0.4
    0.3896,  # raw_ratio@0.45
    0.0864,  # raw_ratio@0.5
    0.3377,  # raw_ratio@0.55
    0.0000,  # raw_ratio@0.6
    0.3017,  # raw_ratio@0.65
    0.1095,  # raw_ratio@0.7
    0.2761,  # raw_ratio@0.75
    0.5193,  # raw_ratio@0.8
    0.2683,  # raw_ratio@0.85
    0.0735,  # raw_ratio@0.9
    0.0174,  # raw_ratio@0.95
    0.0000,  # raw_token_set@0.0
    0.0224,  # raw_token_set@0.3
    0.1275,  # raw_token_set@0.35
    0.0000,  # raw_token_set@0.4
    0.0000,  # raw_token_set@0.45
    0.1073,  # raw_token_set@0.5
    0.3488,  # raw_token_set@0.55
    0.6979,  # raw_token_set@0.6
    0.0000,  # raw_token_set@0.65
    0.0000,  # raw_token_set@0.7
    0.0000,  # raw_token_set@0.75
    0.0000,  # raw_token_set@0.8
    0.0000,  # raw_token_set@0.85
    0.0000,  # raw_token_set@0.9
    0.0000,  # raw_token_set@0.95
    0.4881,  # words_cover@0.0
    0.3360,  # words_cover@0.3
    0.0000,  # words_cover@0.35
    0.1246,  # words_cover@0.4
    0.0474,  # words_cover@0.45
    0.0000,  # words_cover@0.5
    0.0000,  # words_cover@0.55
    0.0000,  # words_cover@0.6
    0.0000,  # words_cover@0.65
    0.2480,  # words_cover@0.7
    0.2553,  # words_cover@0.75
    0.5648,  # words_cover@0.8
    0.1462,  # words_cover@0.85
    0.0412,  # words_cover@0.9
    0.0246,  # words_cover@0.95
    0.3352,  # words_lcs@0.0
    0.0000,  # words_lcs@0.3
    0.1362,  # words_lcs@0.35
    0.0000,  # words_lcs@0.4
    0.1709,  # words_lcs@0.45
    0.0352,  # words_lcs@0.5
    0.0220,  # words_lcs@0.55
    0.0126,  # words_lcs@0.6
    0.3248,  # words_lcs@0.65
    0.1849,  # words_lcs@0.7
    0.3752,  # words_lcs@0.75
    0.0869,  # words_lcs@0.8
    0.0000,  # words_lcs@0.85
    0.0134,  # words_lcs@0.9
    0.0054,  # words_lcs@0.95
    0.0000,  # reordered@0.0
    0.3702,  # reordered@0.05
    0.1079,  # reordered@0.1
    0.4895,  # reordered@0.15
    0.3381,  # reordered@0.2
    0.2371,  # reordered@0.3
    0.6663,  # reordered@0.4
    0.0848,  # reordered@0.6
    -0.4876,  # words_swapped
    -0.2234,  # tokens_swapped
    -0.4849,  # unmatched_run
    -0.2290,  # length_diff
    0.0705,  # weighted_jaccard
    0.2033,  # weighted_containment
    0.4376,  # clause_jaccard
    0.7992,  # local_jaccard@0.0
    0.0000,  # local_jaccard@0.3
    0.0000,  # local_jaccard@0.35
    0.0000,  # local_jaccard@0.4
    0.0000,  # local_jaccard@0.45
    0.0000,  # local_jaccard@0.5
    0.0000,  # local_jaccard@0.55
    0.0942,  # local_jaccard@0.6
    0.0047,  # local_jaccard@0.65
    0.0659,  # local_jaccard@0.7
    0.1739,  # local_jaccard@0.75
    0.1817,  # local_jaccard@0.8
    0.1871,  # local_jaccard@0.85
    0.0683,  # local_jaccard@0.9
    0.0110,  # local_jaccard@0.95
    0.3838,  # local_containment
    0.0000,  # shared_names
    0.0000,  # entity_unmatched
    0.0453,  # numbers_agree
    -0.3789,  # numbers_unmatched
    -0.4034,  # numbers_conflict
    0.0000,  # speaker_agree
    0.0000,  # speaker_disagree
    0.7218,  # quote_overlap
    -0.8490,  # negation_mismatch
    2.4358,  # in_articles
)
