"""Worker processes end when the process that started them dies, even by ``kill -9``.

A killed parent cannot stop its workers, and a worker blocked on its task queue
would otherwise sleep forever under pid 1. Two guards, from inside the worker:

* on Linux, ``prctl(PR_SET_PDEATHSIG, SIGKILL)``: the kernel kills the worker the
  moment its parent dies (no polling, works even while the worker computes);
* everywhere, a daemon thread that polls the parent pid and exits when the worker
  has been re-parented (macOS, the BSDs, or a failed ``prctl``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
POLL_SECONDS = 0.5
# A worker that exits because its parent is gone: the same code the kernel gives SIGKILL.
ORPHAN_EXIT = 128 + signal.SIGKILL


def end_with_parent(parent_pid: int) -> None:
    """Make this process (a worker started by ``parent_pid``) end when that parent dies,
    and when the parent terminates it.

    Call first thing in the worker. If the parent died before the guard was set, the
    worker ends at once.
    """
    # A forked worker inherits the parent's Python handlers: one for SIGTERM (as
    # `claimlens follow` installs) would keep terminate() from ending it, and a worker
    # left blocked on the pool's queue would hang the pool's shutdown.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _set_parent_death_signal()
    if os.getppid() != parent_pid:
        os._exit(ORPHAN_EXIT)
    watch = threading.Thread(target=_watch, args=(parent_pid,), name="parent-watch", daemon=True)
    watch.start()


def _set_parent_death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent_pid: int) -> None:
    event = threading.Event()
    while not event.wait(POLL_SECONDS):
        if os.getppid() != parent_pid:
            os._exit(ORPHAN_EXIT)
