"""Locks that survive ``fork``: a child process gets them released.

The lazy parts of a dataset (indexes, region tables) are built once under a
lock.  If a process forks while another thread holds such a lock, the child
inherits it held by a thread that does not exist there, and its first query
waits forever.  Every lock made here is replaced by a fresh one in the child
(``os.register_at_fork``); a part being built at the moment of the fork is
simply built again, since a part is stored only once it is complete.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Callable
from typing import Any

__all__ = ["lock", "rlock"]


class _Lock:
    """A lock or re-entrant lock, renewed in a forked child."""

    __slots__ = ("__weakref__", "_factory", "_inner")

    def __init__(self, factory: Callable[[], Any]) -> None:
        self._factory = factory
        self._inner = factory()
        _LOCKS.add(self)

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        return bool(self._inner.acquire(blocking, timeout))

    def release(self) -> None:
        self._inner.release()

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()

    def _renew(self) -> None:
        self._inner = self._factory()


_LOCKS: weakref.WeakSet[_Lock] = weakref.WeakSet()


def lock() -> _Lock:
    """A fork-safe :class:`threading.Lock`."""
    return _Lock(threading.Lock)


def rlock() -> _Lock:
    """A fork-safe :class:`threading.RLock`."""
    return _Lock(threading.RLock)


def _after_fork_in_child() -> None:
    for each in list(_LOCKS):
        each._renew()


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
    os.register_at_fork(after_in_child=_after_fork_in_child)
