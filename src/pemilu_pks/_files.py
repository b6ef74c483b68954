"""Reading and writing other people's folders safely.

Reading takes only regular files that lie inside the folder the caller named
(a symbolic link may point elsewhere inside it, never out of it), refuses
FIFOs, devices and folders where a file belongs, and checks the size from
``stat`` before reading a byte.  Writing never follows a link standing where
the output goes and never leaves half a file or half a folder: a file is
written beside its target and renamed over it, a folder is built beside its
target and swapped in whole, so a failure leaves the previous output intact.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .exceptions import DataError, InputLimitError, OutputError

if TYPE_CHECKING:  # pragma: no cover
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = [
    "MAX_FILE_BYTES",
    "atomic_path",
    "is_inside",
    "output_path",
    "present",
    "read_file",
    "replace_folder",
    "write_file",
]

#: The largest file read from a dataset folder (JSON or CSV), in bytes.
MAX_FILE_BYTES = 64 * 1024 * 1024

# Opening a FIFO for reading must not wait for a writer; a link as the last
# component must fail rather than be followed (the path is resolved first).
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _kind(mode: int) -> str:
    """What a non-regular file is, for messages."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def is_inside(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> bool:
    """Whether *path*, with every link resolved, lies in *root* (or is *root*)."""
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def present(path: Traversable) -> bool:
    """Whether anything (a file, a folder, a link, even a dangling one) stands at *path*."""
    if isinstance(path, Path):
        return os.path.lexists(path)
    return path.is_file() or path.is_dir()


def read_file(
    path: Traversable, *, root: Traversable | None = None, max_bytes: int = MAX_FILE_BYTES
) -> bytes:
    """The bytes of the regular file *path*, which must lie inside *root*.

    Raises:
        DataError: The file is missing, unreadable, not a regular file, or a
            link that leads out of *root*.
        InputLimitError: The file is larger than *max_bytes*.
    """
    if not isinstance(path, Path):  # inside a zip: no links, FIFOs or devices there
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise DataError(f"{path}: file not found") from None
        if len(data) > max_bytes:
            raise InputLimitError(f"{path}: {len(data)} bytes; the limit is {max_bytes}")
        return data
    if root is not None and not is_inside(path, str(root)):
        raise DataError(f"{path}: a link that leads out of {root}; refused")
    try:
        fd = os.open(os.path.realpath(path), _READ_FLAGS)
    except FileNotFoundError:
        what = "a dangling link" if os.path.islink(path) else "file not found"
        raise DataError(f"{path}: {what}") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return _read_open(fd, path, max_bytes)
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _read_open(fd: int, path: Path, max_bytes: int) -> bytes:
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        raise DataError(f"{path}: {_kind(info.st_mode)}, not a file; refused")
    if info.st_size > max_bytes:
        raise InputLimitError(f"{path}: {info.st_size} bytes; the limit is {max_bytes}")
    chunks = []
    size = 0
    while size <= max_bytes:  # the file may grow while it is read
        chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise InputLimitError(f"{path}: over {max_bytes} bytes; the limit is {max_bytes}")
    return b"".join(chunks)


# --- writing ---------------------------------------------------------------------------


def output_path(value: object, name: str) -> Path:
    """Check an output path argument: a non-empty ``str`` or path object.

    Raises:
        OutputError: *value* is empty or not a path.
    """
    if not isinstance(value, str | os.PathLike):
        raise OutputError(f"{name}: expected a path, got {type(value).__name__}")
    text = os.fspath(value)
    if not isinstance(text, str) or not text.strip():
        raise OutputError(f"{name}: an empty path names no file or folder")
    return Path(text)


def _refuse_target(path: Path, *, folder: bool) -> bool:
    """Check what stands at *path*; True when an existing file (or folder) is to be replaced."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if stat.S_ISLNK(info.st_mode):
        raise OutputError(f"{path}: a symbolic link stands there; refusing to write through it")
    if folder and not stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{path}: {_describe(info.st_mode)} stands there, not a folder")
    if not folder and not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{path}: {_describe(info.st_mode)} stands there, not a file")
    return True


def _describe(mode: int) -> str:
    return "a file" if stat.S_ISREG(mode) else _kind(mode)


def _parent(path: Path) -> Path:
    parent = path.parent
    if not parent.is_dir():
        raise OutputError(f"{path}: the folder {parent} does not exist")
    return parent


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[tuple[Path, bool]]:
    """A temporary path beside *path*, renamed over it when the block succeeds.

    Yields ``(temporary path, whether a file is replaced)``.  On any error the
    temporary file is removed and *path* is left as it was.

    Raises:
        OutputError: A link, folder or special file stands at *path*, or its
            folder is missing or unwritable.
    """
    path = Path(path)
    replaces = _refuse_target(path, folder=False)
    parent = _parent(path)
    temporary = _unique(parent, path.name, "partial")
    try:
        # os.open, not mkstemp: the file gets the usual permissions (umask), not 0600.
        os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except OSError as exc:
        raise OutputError(f"{path}: cannot write in {parent}: {exc.strerror or exc}") from None
    try:
        yield temporary, replaces
        _refuse_target(path, folder=False)  # nothing slipped in meanwhile
        os.replace(temporary, path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def write_file(path: str | os.PathLike[str], data: bytes) -> bool:
    """Write *data* to *path* atomically; True when an existing file was replaced."""
    with atomic_path(path) as (temporary, replaces):
        temporary.write_bytes(data)
    return replaces


def replace_folder(
    target: str | os.PathLike[str],
    build: Callable[[Path], None],
    *,
    expected: Callable[[str], bool],
    source: Iterable[str | os.PathLike[str]] = (),
) -> bool:
    """Build a folder with *build* beside *target*, then swap it in whole.

    An existing *target* may only hold entries for which *expected(name)* is
    true (what *build* itself writes), so nothing of the user's is deleted.
    Returns True when an existing folder was replaced.

    Raises:
        OutputError: *target* is a link or a file, lies inside a *source*
            folder, holds other entries, or cannot be written.
    """
    target = Path(target)
    for folder in source:
        if is_inside(target, folder) and os.path.realpath(target) != os.path.realpath(folder):
            raise OutputError(f"{target}: inside the folder being read ({folder}); refused")
    replaces = _refuse_target(target, folder=True)
    if replaces:
        foreign = sorted(name for name in os.listdir(target) if not expected(name))
        if foreign:
            shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
            raise OutputError(
                f"{target}: holds files that are not part of this output ({shown}); "
                "refusing to replace it (choose an empty or new folder)"
            )
    import shutil  # only writing needs it; kept off import time

    parent = target.parent
    building = _unique(parent, target.name, "partial")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        building.mkdir()
    except OSError as exc:
        raise OutputError(f"{target}: cannot write in {parent}: {exc.strerror or exc}") from None
    try:
        build(building)
        if replaces:
            old = _unique(parent, target.name, "old")
            os.replace(target, old)
            try:
                os.replace(building, target)
            except OSError:
                os.replace(old, target)  # put the previous folder back
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(building, target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return replaces


def _unique(parent: Path, name: str, suffix: str) -> Path:
    """A fresh hidden name beside *name*, for a temporary file or folder."""
    return parent / f".{name}.{os.getpid()}.{os.urandom(4).hex()}.{suffix}"
