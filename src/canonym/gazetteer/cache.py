"""Load a gazetteer fast: the built index is cached on disk, keyed by its inputs.

The cache key covers every input file's path, size and modification time and the source
of the code that shapes the index (``normalize/`` and ``gazetteer/``), so an edited data
file or a new release rebuilds it. A stat per file is what keeps a warm load fast: reading
4,000 files to hash them took longer than unpickling.

A cache file holds one pickled :class:`AliasIndex` whose entities are stored column by
column (see :class:`~canonym.gazetteer.model.EntityTable`), so unpickling makes a few
hundred thousand strings and lists, not one object per entity. The cache lives in
``$CANONYM_CACHE`` or ``~/.cache/canonym``; a cache that cannot be written is simply not
used, and one that cannot be read (truncated, corrupt, from another version) is rebuilt.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from canonym.gazetteer.index import AliasIndex
from canonym.gazetteer.load import builtin_data_dir, load_table

if TYPE_CHECKING:
    from canonym.gazetteer import Gazetteer

_FORMAT = "canonym-index-2"
_CODE_SUFFIXES = (".py", ".yml", ".yaml", ".json", ".txt", ".tsv")
_memory: dict[str, AliasIndex] = {}


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


def _stamp(path: str, stat: os.stat_result) -> str:
    return f"{path}\0{stat.st_size}:{stat.st_mtime_ns}"


def _folder_stamps(top: str, into: list[str]) -> None:
    """Stamps of the entity files under ``top`` (the files :func:`yaml_file_names` lists)."""
    folders = [top]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir():
                    if not entry.is_symlink():
                        folders.append(entry.path)
                elif entry.name.endswith(".yml") and not entry.name.startswith("_"):
                    try:
                        into.append(_stamp(entry.path, entry.stat()))
                    except OSError:  # a dangling link: the loader reports it
                        into.append(f"{entry.path}\0<missing>")


def content_hash(paths: tuple[str, ...], builtin: bool) -> str:
    """Key of a gazetteer's index: its input files (path, size, mtime) and the normalizer code."""
    digest = hashlib.sha256(_FORMAT.encode())
    digest.update(_code_fingerprint())
    stamps: list[str] = []
    if builtin:
        _folder_stamps(str(builtin_data_dir()), stamps)
        stamps.sort()
        stamps.append("<builtin>")
    for raw in paths:
        path = os.path.abspath(raw)
        if os.path.isdir(path):
            found: list[str] = []
            _folder_stamps(path, found)
            stamps.extend(sorted(found))
        else:
            try:
                stamps.append(_stamp(path, os.stat(path)))
            except OSError:
                stamps.append(f"{path}\0<missing>")
        stamps.append("<path>")
    digest.update("\n".join(stamps).encode())
    return digest.hexdigest()[:32]


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic collector while building or unpickling many small, acyclic objects.

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
        cached = cache_dir() / f"{key}.pickle"
        with _no_gc():
            index = read_cache(cached, key)
            if index is None:
                index = AliasIndex.build(load_table(paths, builtin=builtin))
                write_cache(cached, key, index)
        _memory[key] = index
    return cls._from_index(index, paths=paths, builtin=builtin)


def read_cache(path: Path, key: str) -> AliasIndex | None:
    """The index stored in ``path`` under ``key``, or ``None`` when missing or unusable."""
    try:
        with path.open("rb") as handle:
            payload = pickle.load(handle)
    except Exception:
        # Missing, or damaged in any of many ways (truncated, bad opcode, a class that moved):
        # the caller rebuilds the index and overwrites the file.
        return None
    if (
        isinstance(payload, tuple)
        and len(payload) == 3
        and payload[0] == _FORMAT
        and payload[1] == key
        and isinstance(payload[2], AliasIndex)
    ):
        return payload[2]
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
            pickle.dump((_FORMAT, key, index), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        with suppress(OSError):
            os.unlink(handle.name)
