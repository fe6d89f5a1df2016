"""Find people, places and organisations in Arabic text and reconcile every spelling and
transliteration of a name to one canonical entity.

>>> import tawfiq
>>> m = tawfiq.Matcher()
>>> [x.entity_id for x in m.find("التقى شي جين بينغ ولبوتين في بكين")]
['xi-jinping', 'vladimir-putin', 'geonames:1816670']
>>> m.resolve("ماسود بيزشكيان").entity.name_en
'Masoud Pezeshkian'

The work is done by the Rust library tawfiq (the compiled module ``tawfiq._tawfiq``); the
long calls release the interpreter, and the ``*_batch`` calls use every core.
"""

import os
import threading
from typing import Dict, Iterable, Tuple, Union

from ._tawfiq import (
    BuildError,
    Candidate,
    Cluster,
    CorpusMention,
    Entity,
    GazetteerError,
    Matcher,
    Mention,
    NewEntity,
    Reconciler,
    Reconciliation,
    Resolution,
    cluster,
    reconcile,
)

__all__ = [
    "BuildError",
    "Candidate",
    "Cluster",
    "CorpusMention",
    "Entity",
    "GazetteerError",
    "Matcher",
    "Mention",
    "NewEntity",
    "Reconciler",
    "Reconciliation",
    "Resolution",
    "cluster",
    "reconcile",
    "shared_matcher",
]

_SHARED: Dict[Tuple[bool, Tuple[str, ...], bool], Matcher] = {}
_SHARED_LOCK = threading.Lock()


def shared_matcher(
    builtin: bool = True,
    gazetteers: Iterable[Union[str, "os.PathLike[str]"]] = (),
    unlinked: bool = True,
) -> Matcher:
    """The matcher of these arguments for this process, built the first time it is asked for.

    Unpickling a ``Matcher`` calls this, so a matcher sent to many tasks of a worker process
    (Dask, Spark, multiprocessing) is built once per process, not once per task. A matcher
    is immutable and safe to share between threads; the gazetteer files are read when the
    process first asks for the matcher, and not again.
    """
    key = (bool(builtin), tuple(os.fspath(p) for p in gazetteers), bool(unlinked))
    with _SHARED_LOCK:
        matcher = _SHARED.get(key)
        if matcher is None:
            matcher = Matcher(builtin=key[0], gazetteers=list(key[1]), unlinked=key[2])
            _SHARED[key] = matcher
        return matcher
