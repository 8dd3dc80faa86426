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
INTERCEPT = -4.6165
WEIGHTS: tuple[float, ...] = (
    0.0202,  # raw_ratio@0.0
    0.0000,  # raw_ratio@0.3
    0.0000,  # raw_ratio@0.35
    0.0000,  # raw_ratio@0.4
    0.3904,  # raw_ratio@0.45
    0.0866,  # raw_ratio@0.5
    0.3404,  # raw_ratio@0.55
    0.0000,  # raw_ratio@0.6
    0.3008,  # raw_ratio@0.65
    0.1084,  # raw_ratio@0.7
    0.2740,  # raw_ratio@0.75
    0.5202,  # raw_ratio@0.8
    0.2684,  # raw_ratio@0.85
    0.0734,  # raw_ratio@0.9
    0.0173,  # raw_ratio@0.95
    0.0000,  # raw_token_set@0.0
    0.0232,  # raw_token_set@0.3
    0.1261,  # raw_token_set@0.35
    0.0000,  # raw_token_set@0.4
    0.0000,  # raw_token_set@0.45
    0.1069,  # raw_token_set@0.5
    0.3488,  # raw_token_set@0.55
    0.7022,  # raw_token_set@0.6
    0.0000,  # raw_token_set@0.65
    0.0000,  # raw_token_set@0.7
    0.0000,  # raw_token_set@0.75
    0.0000,  # raw_token_set@0.8
    0.0000,  # raw_token_set@0.85
    0.0000,  # raw_token_set@0.9
    0.0000,  # raw_token_set@0.95
    0.4890,  # words_cover@0.0
    0.3366,  # words_cover@0.3
    0.0000,  # words_cover@0.35
    0.1196,  # words_cover@0.4
    0.0479,  # words_cover@0.45
    0.0000,  # words_cover@0.5
    0.0000,  # words_cover@0.55
    0.0000,  # words_cover@0.6
    0.0000,  # words_cover@0.65
    0.2483,  # words_cover@0.7
    0.2553,  # words_cover@0.75
    0.5647,  # words_cover@0.8
    0.1460,  # words_cover@0.85
    0.0410,  # words_cover@0.9
    0.0245,  # words_cover@0.95
    0.3361,  # words_lcs@0.0
    0.0000,  # words_lcs@0.3
    0.1330,  # words_lcs@0.35
    0.0000,  # words_lcs@0.4
    0.1714,  # words_lcs@0.45
    0.0328,  # words_lcs@0.5
    0.0239,  # words_lcs@0.55
    0.0125,  # words_lcs@0.6
    0.3261,  # words_lcs@0.65
    0.1852,  # words_lcs@0.7
    0.3750,  # words_lcs@0.75
    0.0865,  # words_lcs@0.8
    0.0000,  # words_lcs@0.85
    0.0135,  # words_lcs@0.9
    0.0055,  # words_lcs@0.95
    0.0000,  # reordered@0.0
    0.3698,  # reordered@0.05
    0.1070,  # reordered@0.1
    0.4922,  # reordered@0.15
    0.3361,  # reordered@0.2
    0.2374,  # reordered@0.3
    0.6649,  # reordered@0.4
    0.0808,  # reordered@0.6
    -0.4826,  # words_swapped
    -0.2236,  # tokens_swapped
    -0.4855,  # unmatched_run
    -0.2284,  # length_diff
    0.0658,  # weighted_jaccard
    0.1997,  # weighted_containment
    0.4337,  # clause_jaccard
    0.8017,  # local_jaccard@0.0
    0.0000,  # local_jaccard@0.3
    0.0000,  # local_jaccard@0.35
    0.0000,  # local_jaccard@0.4
    0.0000,  # local_jaccard@0.45
    0.0000,  # local_jaccard@0.5
    0.0000,  # local_jaccard@0.55
    0.0957,  # local_jaccard@0.6
    0.0041,  # local_jaccard@0.65
    0.0685,  # local_jaccard@0.7
    0.1739,  # local_jaccard@0.75
    0.1816,  # local_jaccard@0.8
    0.1877,  # local_jaccard@0.85
    0.0682,  # local_jaccard@0.9
    0.0111,  # local_jaccard@0.95
    0.3858,  # local_containment
    0.0000,  # shared_names
    0.0000,  # entity_unmatched
    0.0489,  # numbers_agree
    -0.3823,  # numbers_unmatched
    -0.4178,  # numbers_conflict
    0.0000,  # speaker_agree
    0.0000,  # speaker_disagree
    0.7226,  # quote_overlap
    -0.8498,  # negation_mismatch
    2.4325,  # in_articles
)
