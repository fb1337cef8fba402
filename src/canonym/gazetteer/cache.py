"""Load a gazetteer fast: the built index is cached on disk by content hash.

The cache key covers every input file's name, size and modification time and the code that
shapes the index, so an edited data file or a new release rebuilds it (a stat per file is
what keeps a warm load fast; reading 4,000 files to hash them took longer than unpickling). The cache lives in ``$CANONYM_CACHE`` or
``~/.cache/canonym``; a cache that cannot be written is simply not used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from canonym.gazetteer.index import AliasIndex
from canonym.gazetteer.load import builtin_data_dir, load_entities, yaml_files

if TYPE_CHECKING:
    from canonym.gazetteer import Gazetteer

_FORMAT = "canonym-index-1"
_memory: dict[str, tuple[list[object], AliasIndex]] = {}


def cache_dir() -> Path:
    """Where built indexes are kept."""
    return Path(os.environ.get("CANONYM_CACHE") or Path.home() / ".cache" / "canonym")


def _code_fingerprint() -> bytes:
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.glob("normalize/**/*")) + sorted(root.glob("gazetteer/*.py")):
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.digest()


def content_hash(paths: tuple[str, ...], builtin: bool) -> str:
    """Hash of every input file (and of the normalizer code that shaped the index)."""
    digest = hashlib.sha256(_FORMAT.encode())
    digest.update(_code_fingerprint())
    files: list[Path] = yaml_files(builtin_data_dir()) if builtin else []
    for raw in paths:
        path = Path(raw)
        files.extend(yaml_files(path) if path.is_dir() else [path])
    for path in files:
        digest.update(str(path).encode())
        try:
            stat = path.stat()
            digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()[:32]


def load_cached(cls: type[Gazetteer], paths: tuple[str, ...], builtin: bool) -> Gazetteer:
    """Build (or read from cache) a gazetteer and its index."""
    key = content_hash(paths, builtin)
    if key in _memory:
        entities, index = _memory[key]
    else:
        cached = cache_dir() / f"{key}.pickle"
        loaded = None
        if cached.exists():
            try:
                with cached.open("rb") as handle:
                    loaded = pickle.load(handle)
            except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
                loaded = None
        if loaded is None:
            found = load_entities(paths, builtin=builtin)
            index = AliasIndex.build(found)
            entities = list(found)
            _write_cache(cached, (entities, index))
        else:
            entities, index = loaded
        _memory[key] = (entities, index)
    gazetteer = cls(list(entities), paths=paths, builtin=builtin)  # type: ignore[arg-type]
    gazetteer._index = index
    return gazetteer


def _write_cache(path: Path, payload: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        return
