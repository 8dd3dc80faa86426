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
INTERCEPT = -4.6141
WEIGHTS: tuple[float, ...] = (
    0.0189,  # raw_ratio@0.0
    0.0000,  # raw_ratio@0.3
    0.0000,  # raw_ratio@0.35
    0.0000,  # raw_ratio@0.4
    0.3906,  # raw_ratio@0.45
    0.0851,  # raw_ratio@0.5
    0.3418,  # raw_ratio@0.55
    0.0000,  # raw_ratio@0.6
    0.3016,  # raw_ratio@0.65
    0.1092,  # raw_ratio@0.7
    0.2737,  # raw_ratio@0.75
    0.5206,  # raw_ratio@0.8
    0.2686,  # raw_ratio@0.85
    0.0734,  # raw_ratio@0.9
    0.0174,  # raw_ratio@0.95
    0.0000,  # raw_token_set@0.0
    0.0223,  # raw_token_set@0.3
    0.1275,  # raw_token_set@0.35
    0.0000,  # raw_token_set@0.4
    0.0000,  # raw_token_set@0.45
    0.1082,  # raw_token_set@0.5
    0.3467,  # raw_token_set@0.55
    0.7019,  # raw_token_set@0.6
    0.0000,  # raw_token_set@0.65
    0.0000,  # raw_token_set@0.7
    0.0000,  # raw_token_set@0.75
    0.0000,  # raw_token_set@0.8
    0.0000,  # raw_token_set@0.85
    0.0000,  # raw_token_set@0.9
    0.0000,  # raw_token_set@0.95
    0.4900,  # words_cover@0.0
    0.3370,  # words_cover@0.3
    0.0000,  # words_cover@0.35
    0.1178,  # words_cover@0.4
    0.0467,  # words_cover@0.45
    0.0000,  # words_cover@0.5
    0.0000,  # words_cover@0.55
    0.0000,  # words_cover@0.6
    0.0000,  # words_cover@0.65
    0.2480,  # words_cover@0.7
    0.2557,  # words_cover@0.75
    0.5642,  # words_cover@0.8
    0.1464,  # words_cover@0.85
    0.0412,  # words_cover@0.9
    0.0247,  # words_cover@0.95
    0.3369,  # words_lcs@0.0
    0.0000,  # words_lcs@0.3
    0.1320,  # words_lcs@0.35
    0.0000,  # words_lcs@0.4
    0.1718,  # words_lcs@0.45
    0.0332,  # words_lcs@0.5
    0.0228,  # words_lcs@0.55
    0.0118,  # words_lcs@0.6
    0.3261,  # words_lcs@0.65
    0.1850,  # words_lcs@0.7
    0.3748,  # words_lcs@0.75
    0.0871,  # words_lcs@0.8
    0.0000,  # words_lcs@0.85
    0.0134,  # words_lcs@0.9
    0.0053,  # words_lcs@0.95
    0.0000,  # reordered@0.0
    0.3699,  # reordered@0.05
    0.1075,  # reordered@0.1
    0.4908,  # reordered@0.15
    0.3367,  # reordered@0.2
    0.2382,  # reordered@0.3
    0.6650,  # reordered@0.4
    0.0806,  # reordered@0.6
    -0.4819,  # words_swapped
    -0.2238,  # tokens_swapped
    -0.4875,  # unmatched_run
    -0.2284,  # length_diff
    0.0670,  # weighted_jaccard
    0.1986,  # weighted_containment
    0.4337,  # clause_jaccard
    0.8022,  # local_jaccard@0.0
    0.0000,  # local_jaccard@0.3
    0.0000,  # local_jaccard@0.35
    0.0000,  # local_jaccard@0.4
    0.0000,  # local_jaccard@0.45
    0.0000,  # local_jaccard@0.5
    0.0000,  # local_jaccard@0.55
    0.0959,  # local_jaccard@0.6
    0.0048,  # local_jaccard@0.65
    0.0675,  # local_jaccard@0.7
    0.1736,  # local_jaccard@0.75
    0.1818,  # local_jaccard@0.8
    0.1876,  # local_jaccard@0.85
    0.0686,  # local_jaccard@0.9
    0.0107,  # local_jaccard@0.95
    0.3882,  # local_containment
    0.0000,  # shared_names
    0.0000,  # entity_unmatched
    0.0470,  # numbers_agree
    -0.3614,  # numbers_unmatched
    -0.4475,  # numbers_conflict
    0.0000,  # speaker_agree
    0.0000,  # speaker_disagree
    0.7230,  # quote_overlap
    -0.8491,  # negation_mismatch
    2.4309,  # in_articles
)
