"""Load a gazetteer fast: the built index is cached on disk, keyed by its inputs.

The cache key covers every input file's path, size and modification time and the source
of the code that shapes the index (``normalize/`` and ``gazetteer/``), so an edited data
file or a new release rebuilds it. A stat per file is what keeps a warm load fast: reading
4,000 files to hash them took longer than unpickling.

A cache file holds one :class:`AliasIndex` as plain values (:meth:`AliasIndex.to_state`,
with the normalizer's parsed name tables), written with :mod:`marshal`: twice as fast to
write as a pickle and as fast to read, for this one interpreter version (the key covers it).
Its entities are stored column by column (see :class:`~canonym.gazetteer.model.EntityTable`),
so reading it makes a few hundred thousand strings and tuples, not one object per entity. The cache lives in
``$CANONYM_CACHE`` or ``~/.cache/canonym``; a cache that cannot be written is simply not
used, and one that cannot be read (truncated, corrupt, from another version) is rebuilt.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sys
from array import array
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from canonym.gazetteer.index import AliasIndex
from canonym.normalize.names import name_tables_source, supply_name_tables_source

if TYPE_CHECKING:
    from canonym.gazetteer import Gazetteer

_FORMAT = "canonym-index-4"
#: The built-in data folder (``load.builtin_data_dir``): the reading code is imported only
#: when the index has to be built.
_BUILTIN_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
_CODE_SUFFIXES = (".py", ".yml", ".yaml", ".json", ".txt", ".tsv")
_SCANDIR_FD = os.scandir in os.supports_fd
_memory: dict[str, AliasIndex] = {}
#: The suffix of a cache file.
SUFFIX = ".index"


def cache_dir() -> Path:
    """Where built indexes are kept."""
    return Path(os.environ.get("CANONYM_CACHE") or Path.home() / ".cache" / "canonym")


def _code_fingerprint() -> bytes:
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    sources: list[str] = []
    for folder in (root / "normalize", root / "gazetteer"):
        for current, subfolders, files in os.walk(folder):
            # The gazetteer's data files are covered by the stat of each one, not read here.
            subfolders[:] = sorted(s for s in subfolders if s not in ("__pycache__", "data"))
            sources.extend(os.path.join(current, f) for f in files if f.endswith(_CODE_SUFFIXES))
    for source in sorted(sources):
        digest.update(source.encode())
        with open(source, "rb") as handle:
            digest.update(handle.read())
    return digest.digest()


def _folder_stamps(top: str) -> list[tuple[str, str, int, int]]:
    """(folder, name, size, mtime) of the entity files under ``top``, sorted.

    The files are those :func:`~canonym.gazetteer.load.yaml_file_names` lists.
    """
    stamps: list[tuple[str, str, int, int]] = []
    folders = [top]
    while folders:
        folder = folders.pop()
        # Listing a folder by descriptor makes each stat relative to it: the kernel does not
        # walk the whole path again for every one of thousands of files.
        handle = os.open(folder, os.O_RDONLY) if _SCANDIR_FD else None
        try:
            with os.scandir(folder if handle is None else handle) as entries:
                for entry in entries:
                    name = entry.name
                    if entry.is_dir():
                        if not entry.is_symlink():
                            folders.append(os.path.join(folder, name))
                    elif name.endswith(".yml") and not name.startswith("_"):
                        try:
                            stat = entry.stat()
                            stamps.append((folder, name, stat.st_size, stat.st_mtime_ns))
                        except OSError:  # a dangling link: the loader reports it
                            stamps.append((folder, name, -1, -1))
        finally:
            if handle is not None:
                os.close(handle)
    stamps.sort()
    return stamps


def content_hash(paths: tuple[str, ...], builtin: bool) -> str:
    """Key of a gazetteer's index: its input files (path, size, mtime) and the normalizer code."""
    digest = hashlib.sha256(_FORMAT.encode())
    # marshal's format belongs to one Python version.
    digest.update(f"{sys.version}|{marshal.version}".encode())
    digest.update(_code_fingerprint())
    stamps: list[object] = []
    if builtin:
        stamps.append(_folder_stamps(_BUILTIN_DATA))
    for raw in paths:
        path = os.path.abspath(raw)
        if os.path.isdir(path):
            stamps.append(_folder_stamps(path))
        else:
            try:
                stat = os.stat(path)
                stamps.append((path, stat.st_size, stat.st_mtime_ns))
            except OSError:
                stamps.append((path, -1, -1))
    digest.update(b"builtin" if builtin else b"user files only")
    for stamp in stamps:
        if isinstance(stamp, list):
            names = "\n".join(f"{folder}/{name}" for folder, name, _, _ in stamp)
            digest.update(f"{len(stamp)}\n{names}\n".encode())
            digest.update(array("q", [size for _, _, size, _ in stamp]).tobytes())
            digest.update(array("q", [mtime for _, _, _, mtime in stamp]).tobytes())
        else:
            digest.update(repr(stamp).encode())
    return digest.hexdigest()[:32]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic collector while making many small, acyclic objects (an index, a table).

    Otherwise it walks the growing heap again and again (a fifth of a 100k-name build). At
    the end the young generations are collected once, in one pass over the new objects,
    instead of in several passes after the load.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            gc.collect(1)


def load_cached(cls: type[Gazetteer], paths: tuple[str, ...], builtin: bool) -> Gazetteer:
    """Build (or read from cache) a gazetteer and its index."""
    key = content_hash(paths, builtin)
    index = _memory.get(key)
    if index is None:
        cached = cache_dir() / f"{key}{SUFFIX}"
        with paused_gc():
            index = read_cache(cached, key)
            if index is None:
                from canonym.gazetteer.load import load_table

                index = AliasIndex.build(load_table(paths, builtin=builtin))
                write_cache(cached, key, index)
        _memory[key] = index
    return cls._from_index(index, paths=paths, builtin=builtin)


def read_cache(path: Path, key: str) -> AliasIndex | None:
    """The index stored in ``path`` under ``key``, or ``None`` when missing or unusable.

    The parsed name tables stored beside it are handed to the normalizer, which then needs
    neither YAML nor its table file (the key covers the normalizer's files too).
    """
    try:
        # loads of the whole file: marshal.load reads a file object piece by piece, 15x slower.
        payload = marshal.loads(path.read_bytes())
        if (
            isinstance(payload, tuple)
            and len(payload) == 4
            and payload[0] == _FORMAT
            and payload[1] == key
            and isinstance(payload[2], dict)
            and isinstance(payload[3], dict)
        ):
            index = AliasIndex.from_state(payload[2])
            supply_name_tables_source(payload[3])
            return index
    except Exception:
        # Missing, or damaged in any of many ways (empty, truncated, bad data, another layout):
        # the caller rebuilds the index and overwrites the file.
        return None
    return None


def write_cache(path: Path, key: str, index: AliasIndex) -> None:
    """Store ``index`` under ``key`` atomically; give up quietly when the folder is not writable."""
    import tempfile  # not on the warm path

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp")  # noqa: SIM115
    except OSError:
        return
    try:
        with handle:
            handle.write(marshal.dumps((_FORMAT, key, index.to_state(), name_tables_source())))
        os.replace(handle.name, path)
    except OSError:
        with suppress(OSError):
            os.unlink(handle.name)
