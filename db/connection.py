"""Opening the database: WAL mode, a busy timeout, foreign keys, the schema.

Connections run in autocommit mode (``isolation_level=None``); writers open
their own ``BEGIN IMMEDIATE`` transactions through :func:`transaction`, so a
batch of articles becomes visible to readers all at once or not at all.
:func:`connect` gives the sqlite-utils ``Database`` every writer and the app use;
:func:`connect_reader` a plain read-only ``sqlite3`` connection for a command that
only reads and must start at once (importing sqlite-utils alone costs ~90 ms).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from db.schema import SCHEMA_VERSION, SchemaError, check_usable

if TYPE_CHECKING:
    from pathlib import Path

    import sqlite_utils

ENV_VAR = "CLAIMLENS_DB"
BUSY_TIMEOUT_MS = 60_000
# While waiting for another writer, try for the lock this often, so that Ctrl-C is
# handled within this time rather than after the busy timeout.
WAIT_POLL_MS = 200


class NoDatabase(SchemaError):
    """There is no database at the path, and the caller only reads one."""


class OlderSchema(SchemaError):
    """The database must be upgraded (:func:`connect`) before it can be read."""


class CannotOpen(SchemaError):
    """SQLite cannot open the database file for writing, or at all: its folder or mount
    is read-only (a WAL database needs its ``-wal`` and ``-shm`` files beside it, even
    to be read), or the file is. :func:`connect` with ``read_only_ok`` reads it anyway."""


def default_db_path() -> Path:
    """``$CLAIMLENS_DB``, else ``claimlens.db`` in the user data directory."""
    # Imported here: `claimlens search` opens the file by name, without pathlib (~5 ms).
    from pathlib import Path

    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    import platformdirs  # only here: most commands are given --db or $CLAIMLENS_DB

    return Path(platformdirs.user_data_dir("claimlens", appauthor=False)) / "claimlens.db"


def connect(
    path: str | os.PathLike[str],
    *,
    readonly: bool = False,
    create: bool = True,
    on_upgrade: Callable[[int], None] | None = None,
    read_only_ok: bool = False,
) -> sqlite_utils.Database:
    """Open (creating and migrating if needed) the claimlens database at ``path``.
    ``on_upgrade(version)``: told before an existing database of an older schema
    ``version`` is upgraded (:func:`db.upgrade.migrate`). ``readonly``: a connection
    that cannot write (:func:`read_only_connection`), and never upgrades.
    ``read_only_ok``: for a caller that only reads; when the database cannot be opened
    for writing (:class:`CannotOpen`: a read-only folder or mount), it is opened with
    ``readonly`` instead, provided its schema is current.

    Raises :class:`SchemaError` with a one-line message when the file cannot be used:
    not an SQLite database, not a claimlens one, a newer schema, or not openable
    (:class:`CannotOpen`); :class:`NoDatabase` when there is no file at ``path`` and
    ``create`` is false (then nothing is created, not even its folder).
    """
    try:
        return _connect(path, readonly=readonly, create=create, on_upgrade=on_upgrade)
    except CannotOpen:
        if not read_only_ok or readonly:
            raise
    db = _connect(path, readonly=True, create=False, on_upgrade=None)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION:
        db.conn.close()
        raise CannotOpen(
            f"{path}: schema version {version} is to be upgraded before it can be read,"
            f" which cannot be done here ({_why_not_writable(os.fspath(path))}):"
            " copy the database to a folder that can be written"
        )
    return db


def _connect(
    path: str | os.PathLike[str],
    *,
    readonly: bool,
    create: bool,
    on_upgrade: Callable[[int], None] | None,
) -> sqlite_utils.Database:
    # Imported here: a command that only reads (connect_reader) does without them.
    from pathlib import Path

    import sqlite_utils

    from db.upgrade import migrate

    path = Path(path)
    if not create and not path.exists():
        raise NoDatabase(f"no database at {path}")
    with _errors_named(path, writing=not readonly):
        if not readonly and not path.parent.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = read_only_connection(str(path)) if readonly else _sqlite_connect(str(path))
        with _closed_on_error(conn):
            conn.execute("PRAGMA foreign_keys = ON")
            # No sqlite-utils plugins: they could change the connection, and finding them
            # scans every installed package's entry points (tens of ms of start-up).
            db = sqlite_utils.Database(conn, execute_plugins=False)
            check_usable(db)  # before anything is written, even the journal mode
            if not readonly:
                if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                migrate(db, on_upgrade)
            return db


def connect_reader(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """A plain :mod:`sqlite3` connection that can only read the claimlens database at
    ``path``: for a command that only reads and must start at once (``claimlens
    search``), as it needs neither sqlite-utils nor the upgrade steps. Temp tables can
    be written (the search's scratch index); the file never is.

    Raises :class:`NoDatabase` when there is no file, :class:`OlderSchema` when its
    schema must be upgraded first (by :func:`connect`), else as :func:`connect` does.
    """
    path = os.fspath(path)
    if not os.path.exists(path):
        raise NoDatabase(f"no database at {path}")
    with _errors_named(path, writing=False):
        conn = read_only_connection(path)
        with _closed_on_error(conn):
            version = check_usable(conn)
            if version < SCHEMA_VERSION:
                raise OlderSchema(f"schema version {version}, to be upgraded before reading")
            return conn


def read_only_connection(path: str) -> sqlite3.Connection:
    """A connection that cannot write the database file at ``path``: ``mode=ro`` (SQLite
    itself refuses to write; a WAL database is read as usual, its -wal and -shm files
    opened, and created if missing).

    When SQLite cannot open it so because it cannot create the -wal or -shm file (a
    read-only folder or mount), and no -wal file holds changes, the file is opened
    ``immutable``: read as it is, without those files or locks. Only then: an immutable
    reader does not see what another process writes meanwhile. A -wal file holding
    changes is never left out: :class:`CannotOpen` says why.
    """
    conn = _sqlite_connect(read_only_uri(path), uri=True)
    try:
        conn.execute("PRAGMA schema_version")  # opens the file now, and in WAL mode its -shm
        return conn
    except sqlite3.Error as exc:
        conn.close()
        if not _cannot_open(exc) or not os.path.isfile(path):
            raise
    wal = f"{path}-wal"
    if os.path.exists(wal) and os.path.getsize(wal) > 0:
        raise CannotOpen(
            f"cannot read the database: {os.path.basename(wal)} holds changes that SQLite"
            f" cannot read without creating {os.path.basename(path)}-shm beside it"
            f" ({_why_not_writable(path)}): open it once where its folder can be written"
        )
    return _sqlite_connect(read_only_uri(path, immutable=True), uri=True)


def read_only_uri(path: str, *, immutable: bool = False) -> str:
    """The ``file:`` URI that opens ``path`` read-only (``mode=ro``; ``immutable``: also
    ``immutable=1``). Built by hand, not with ``Path.as_uri()``: pathlib and urllib.parse
    cost `claimlens search` ~5 ms of start-up. SQLite decodes ``%HH`` in a URI's path
    and ends the path at ``?`` or ``#``, so those three are escaped; everything else
    stands for itself."""
    absolute = os.path.abspath(path).replace(os.sep, "/")
    if not absolute.startswith("/"):  # a Windows drive: file:///C:/...
        absolute = "/" + absolute
    escaped = absolute.replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    return f"file://{escaped}?mode=ro" + ("&immutable=1" if immutable else "")


def _cannot_open(exc: sqlite3.Error) -> bool:
    """SQLITE_CANTOPEN (the message is the same in every SQLite and Python version)."""
    return "unable to open database file" in str(exc)


def _cannot_write(exc: sqlite3.Error) -> bool:
    """SQLITE_CANTOPEN or SQLITE_READONLY: the file, its folder or its mount is read-only."""
    return _cannot_open(exc) or "readonly database" in str(exc)


def folder_writable(path: str) -> bool:
    """Whether files can be created in the folder of ``path`` (a WAL database's -wal
    and -shm files)."""
    return os.access(os.path.dirname(os.path.abspath(path)), os.W_OK)


def _why_not_writable(path: str) -> str:
    if not folder_writable(path):
        return f"the folder {os.path.dirname(os.path.abspath(path))} is read-only"
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return "the file is read-only"
    return f"SQLite cannot open it, or create {os.path.basename(path)}-wal and -shm beside it"


def _sqlite_connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    """Autocommit (writers open their own transactions), waiting for a busy database."""
    conn = sqlite3.connect(
        target,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
        uri=uri,
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


@contextmanager
def _errors_named(path: str | Path, *, writing: bool) -> Iterator[None]:
    """Errors opening ``path`` as one-line :class:`SchemaError` messages naming it
    (``writing``: opened to be written)."""
    try:
        yield
    except SchemaError as exc:
        raise type(exc)(f"{path}: {exc}") from None
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            raise SchemaError(f"{path}: not an SQLite database (nor a claimlens one)") from None
        if writing and _cannot_write(exc) and os.path.exists(path):
            raise CannotOpen(
                f"{path}: cannot write to the database: {_why_not_writable(os.fspath(path))}"
                "; copy it to a folder that can be written"
            ) from None
        if _cannot_open(exc):
            raise CannotOpen(f"{path}: cannot open the database: {exc}") from None
        raise SchemaError(f"{path}: cannot open the database: {exc}") from None
    except OSError as exc:
        kind = CannotOpen if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) else SchemaError
        raise kind(f"{path}: cannot open the database: {exc.strerror or exc}") from None


@contextmanager
def _closed_on_error(conn: sqlite3.Connection) -> Iterator[None]:
    try:
        yield
    except BaseException:
        conn.close()
        raise


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _try_begin(conn: sqlite3.Connection) -> bool:
    """BEGIN IMMEDIATE; False if another writer holds the lock past the busy timeout."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if not _is_busy(exc):
            raise
        return False
    return True


def _begin_immediate(conn: sqlite3.Connection, on_wait: Callable[[], None] | None) -> None:
    """Take the write lock; if another writer has it, say so once, then wait for it.

    Waiting polls in steps of WAIT_POLL_MS, so Python sees Ctrl-C while it waits.
    """
    if on_wait is None:
        conn.execute("BEGIN IMMEDIATE")
        return
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        if _try_begin(conn):
            return
        on_wait()
        conn.execute(f"PRAGMA busy_timeout = {WAIT_POLL_MS}")
        while not _try_begin(conn):
            pass
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


@contextmanager
def transaction(
    db: sqlite_utils.Database, *, on_wait: Callable[[], None] | None = None
) -> Iterator[sqlite3.Connection]:
    """An IMMEDIATE transaction: take the write lock up front, commit or roll back.

    ``on_wait`` is called once if another process is writing, before waiting
    for it (for as long as it takes) instead of failing with "database is locked".
    """
    conn = db.conn
    _begin_immediate(conn, on_wait)
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise


# The page cache of a bulk write (a full match rewrites matches, keys, claims and
# stories of every statement in one transaction): with SQLite's default (2 MB) the
# transaction's changed index pages are spilled to the WAL and read back again and
# again (at 307 k statements: the write 58 -> 49-51 s wall, 10 s less CPU with 512 MB).
# Pages are taken as they are used, not up front.
BULK_CACHE_KIB = 512 * 1024


@contextmanager
def big_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """A page cache of :data:`BULK_CACHE_KIB` on ``conn`` for the block, then the
    size it had (the memory is given back when the cache shrinks)."""
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(before)}")


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """Read in one transaction: every query of the block sees the same state of the
    database whatever other processes commit meanwhile, and SQLite and FTS5 read their
    own structures once rather than once per query (~10% of a word search). For reads:
    anything the block leaves written is committed with it."""
    conn.execute("SAVEPOINT claimlens_snapshot")
    try:
        yield
    except BaseException:
        if conn.in_transaction:  # not when SQLite ended the transaction itself
            with contextlib.suppress(sqlite3.Error):
                conn.execute("RELEASE claimlens_snapshot")
        raise
    conn.execute("RELEASE claimlens_snapshot")


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open. SQLite ends some on its own (a full
    disk, an I/O error); the error that caused it is the one worth raising."""
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
