"""The browser's widgets and screens, grouped by area.

* ``main_screen``: the three panes and how they talk (``messages``)
* ``article_list``: the virtual article list
* ``reader``: the article text with statement statuses and the statement cursor
* ``claim_panel``: what other sources say about the current statement (``diffing``)
* ``search_screen``: word and fuzzy quote search
* ``help_screen``, ``filter_screens``, ``commands`` (the command palette)
* ``library``: the one door to :mod:`db`
"""
