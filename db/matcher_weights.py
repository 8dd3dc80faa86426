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
INTERCEPT = -4.6097
WEIGHTS: tuple[float, ...] = (
    0.0183,  # raw_ratio@0.0
    0.0000,  # raw_ratio@0.3
    0.0000,  # raw_ratio@0.35
    0.0000,  # raw_ratio@0.4
    0.3911,  # raw_ratio@0.45
    0.0857,  # raw_ratio@0.5
    0.3401,  # raw_ratio@0.55
    0.0000,  # raw_ratio@0.6
    0.2995,  # raw_ratio@0.65
    0.1084,  # raw_ratio@0.7
    0.2742,  # raw_ratio@0.75
    0.5205,  # raw_ratio@0.8
    0.2685,  # raw_ratio@0.85
    0.0736,  # raw_ratio@0.9
    0.0174,  # raw_ratio@0.95
    0.0000,  # raw_token_set@0.0
    0.0215,  # raw_token_set@0.3
    0.1264,  # raw_token_set@0.35
    0.0000,  # raw_token_set@0.4
    0.0000,  # raw_token_set@0.45
    0.1077,  # raw_token_set@0.5
    0.3474,  # raw_token_set@0.55
    0.7012,  # raw_token_set@0.6
    0.0000,  # raw_token_set@0.65
    0.0000,  # raw_token_set@0.7
    0.0000,  # raw_token_set@0.75
    0.0000,  # raw_token_set@0.8
    0.0000,  # raw_token_set@0.85
    0.0000,  # raw_token_set@0.9
    0.0000,  # raw_token_set@0.95
    0.4886,  # words_cover@0.0
    0.3373,  # words_cover@0.3
    0.0000,  # words_cover@0.35
    0.1196,  # words_cover@0.4
    0.0469,  # words_cover@0.45
    0.0000,  # words_cover@0.5
    0.0000,  # words_cover@0.55
    0.0000,  # words_cover@0.6
    0.0000,  # words_cover@0.65
    0.2473,  # words_cover@0.7
    0.2560,  # words_cover@0.75
    0.5643,  # words_cover@0.8
    0.1464,  # words_cover@0.85
    0.0414,  # words_cover@0.9
    0.0247,  # words_cover@0.95
    0.3361,  # words_lcs@0.0
    0.0000,  # words_lcs@0.3
    0.1331,  # words_lcs@0.35
    0.0000,  # words_lcs@0.4
    0.1725,  # words_lcs@0.45
    0.0338,  # words_lcs@0.5
    0.0233,  # words_lcs@0.55
    0.0138,  # words_lcs@0.6
    0.3262,  # words_lcs@0.65
    0.1854,  # words_lcs@0.7
    0.3750,  # words_lcs@0.75
    0.0873,  # words_lcs@0.8
    0.0000,  # words_lcs@0.85
    0.0135,  # words_lcs@0.9
    0.0056,  # words_lcs@0.95
    0.0000,  # reordered@0.0
    0.3695,  # reordered@0.05
    0.1059,  # reordered@0.1
    0.4921,  # reordered@0.15
    0.3372,  # reordered@0.2
    0.2377,  # reordered@0.3
    0.6648,  # reordered@0.4
    0.0807,  # reordered@0.6
    -0.4831,  # words_swapped
    -0.2237,  # tokens_swapped
    -0.4869,  # unmatched_run
    -0.2278,  # length_diff
    0.0666,  # weighted_jaccard
    0.1983,  # weighted_containment
    0.4337,  # clause_jaccard
    0.8010,  # local_jaccard@0.0
    0.0000,  # local_jaccard@0.3
    0.0000,  # local_jaccard@0.35
    0.0000,  # local_jaccard@0.4
    0.0000,  # local_jaccard@0.45
    0.0000,  # local_jaccard@0.5
    0.0000,  # local_jaccard@0.55
    0.0960,  # local_jaccard@0.6
    0.0041,  # local_jaccard@0.65
    0.0679,  # local_jaccard@0.7
    0.1735,  # local_jaccard@0.75
    0.1814,  # local_jaccard@0.8
    0.1874,  # local_jaccard@0.85
    0.0685,  # local_jaccard@0.9
    0.0112,  # local_jaccard@0.95
    0.3862,  # local_containment
    0.0000,  # shared_names
    0.0000,  # entity_unmatched
    0.0475,  # numbers_agree
    -0.3743,  # numbers_unmatched
    -0.4181,  # numbers_conflict
    0.0000,  # speaker_agree
    0.0000,  # speaker_disagree
    0.7232,  # quote_overlap
    -0.8491,  # negation_mismatch
    2.4318,  # in_articles
)
