"""Messages the browser's components send one another (handled with ``@on``)."""

from __future__ import annotations

from textual.message import Message


class ArticleHighlighted(Message):
    """The list cursor is on an article (the reader previews it where there is room)."""

    def __init__(self, article_id: int) -> None:
        super().__init__()
        self.article_id = article_id


class ArticleSelected(Message):
    """Open an article, optionally with statement ``seq`` under the cursor."""

    def __init__(self, article_id: int, seq: int | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.seq = seq


class StatementChanged(Message):
    """The reader's statement cursor moved (``statement`` is None for an empty article)."""

    def __init__(self, article: dict, statement: dict | None) -> None:
        super().__init__()
        self.article = article
        self.statement = statement


class JumpToStatement(Message):
    """Open the article holding ``statement_id`` with it under the cursor, remembering
    where we were so that Back returns there."""

    def __init__(self, statement_id: int) -> None:
        super().__init__()
        self.statement_id = statement_id
