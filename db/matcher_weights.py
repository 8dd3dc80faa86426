"""The matcher's fitted constants, written by ``python bench/fit_matcher.py --write``.

Do not edit by hand: the script regenerates this file (see its docstring for the data
and the cross-validated accuracy). One weight per ``db.matcher.MODEL_NAMES`` entry.
"""

# Fitted by bench/fit_matcher.py.
# 'same' at or above these p: bare sentence pairs, pairs inside articles.
SAME_P = 0.75
SAME_P_ARTICLES = 0.6
# 'related' at or above this p (when the two share a participant), from STS train.
RELATED_P = 0.05
INTERCEPT = -4.6168
WEIGHTS: tuple[float, ...] = (
    0.0197,  # raw_ratio@0.0
    0.0000,  # raw_ratio@0.3
    0.0000,  # raw_ratio@0.35
    0.0000,  # raw_ratio@0.4
    0.3907,  # raw_ratio@0.45
    0.0857,  # raw_ratio@0.5
    0.3403,  # raw_ratio@0.55
    0.0000,  # raw_ratio@0.6
    0.2999,  # raw_ratio@0.65
    0.1086,  # raw_ratio@0.7
    0.2741,  # raw_ratio@0.75
    0.5202,  # raw_ratio@0.8
    0.2684,  # raw_ratio@0.85
    0.0735,  # raw_ratio@0.9
    0.0174,  # raw_ratio@0.95
    0.0000,  # raw_token_set@0.0
    0.0226,  # raw_token_set@0.3
    0.1263,  # raw_token_set@0.35
    0.0000,  # raw_token_set@0.4
    0.0000,  # raw_token_set@0.45
    0.1076,  # raw_token_set@0.5
    0.3475,  # raw_token_set@0.55
    0.7017,  # raw_token_set@0.6
    0.0000,  # raw_token_set@0.65
    0.0000,  # raw_token_set@0.7
    0.0000,  # raw_token_set@0.75
    0.0000,  # raw_token_set@0.8
    0.0000,  # raw_token_set@0.85
    0.0000,  # raw_token_set@0.9
    0.0000,  # raw_token_set@0.95
    0.4897,  # words_cover@0.0
    0.3374,  # words_cover@0.3
    0.0000,  # words_cover@0.35
    0.1195,  # words_cover@0.4
    0.0471,  # words_cover@0.45
    0.0000,  # words_cover@0.5
    0.0000,  # words_cover@0.55
    0.0000,  # words_cover@0.6
    0.0000,  # words_cover@0.65
    0.2476,  # words_cover@0.7
    0.2559,  # words_cover@0.75
    0.5643,  # words_cover@0.8
    0.1464,  # words_cover@0.85
    0.0413,  # words_cover@0.9
    0.0247,  # words_cover@0.95
    0.3368,  # words_lcs@0.0
    0.0000,  # words_lcs@0.3
    0.1330,  # words_lcs@0.35
    0.0000,  # words_lcs@0.4
    0.1723,  # words_lcs@0.45
    0.0336,  # words_lcs@0.5
    0.0236,  # words_lcs@0.55
    0.0134,  # words_lcs@0.6
    0.3262,  # words_lcs@0.65
    0.1853,  # words_lcs@0.7
    0.3748,  # words_lcs@0.75
    0.0871,  # words_lcs@0.8
    0.0000,  # words_lcs@0.85
    0.0135,  # words_lcs@0.9
    0.0055,  # words_lcs@0.95
    0.0000,  # reordered@0.0
    0.3695,  # reordered@0.05
    0.1059,  # reordered@0.1
    0.4924,  # reordered@0.15
    0.3372,  # reordered@0.2
    0.2378,  # reordered@0.3
    0.6651,  # reordered@0.4
    0.0807,  # reordered@0.6
    -0.4818,  # words_swapped
    -0.2234,  # tokens_swapped
    -0.4867,  # unmatched_run
    -0.2277,  # length_diff
    0.0663,  # weighted_jaccard
    0.1992,  # weighted_containment
    0.4332,  # clause_jaccard
    0.8017,  # local_jaccard@0.0
    0.0000,  # local_jaccard@0.3
    0.0000,  # local_jaccard@0.35
    0.0000,  # local_jaccard@0.4
    0.0000,  # local_jaccard@0.45
    0.0000,  # local_jaccard@0.5
    0.0000,  # local_jaccard@0.55
    0.0959,  # local_jaccard@0.6
    0.0045,  # local_jaccard@0.65
    0.0677,  # local_jaccard@0.7
    0.1737,  # local_jaccard@0.75
    0.1816,  # local_jaccard@0.8
    0.1876,  # local_jaccard@0.85
    0.0686,  # local_jaccard@0.9
    0.0111,  # local_jaccard@0.95
    0.3866,  # local_containment
    0.0000,  # shared_names
    0.0000,  # entity_unmatched
    0.0472,  # numbers_agree
    -0.3714,  # numbers_unmatched
    -0.4221,  # numbers_conflict
    0.0000,  # speaker_agree
    0.0000,  # speaker_disagree
    0.7232,  # quote_overlap
    -0.8489,  # negation_mismatch
    2.4327,  # in_articles
)
