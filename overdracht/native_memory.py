"""Large native buffers handed back to the system when freed, instead of kept in malloc's heaps.

glibc's malloc maps a block of 128 KiB or more on its own and unmaps it when freed; but once such
a block is freed it raises that threshold to the block's size (up to 32 MB), and from then on
serves blocks that large from its heaps, where freed space stays with the process. Two things
of a move grew with the archive that way:

- an upload's parts: the S3 client (obstore, in Rust) sends a large file in parts of 5 MB, each
  allocated by one of its runtime's threads in that thread's heap, and every thread that ever
  held a part kept room for it: 10 MB after a file of 20 MB, 30 MB after one of 200 MB (a
  move's manifest of a million documents);
- the listing's pages: each answer of 1,000 keys (some 350 KB) landed between blocks that stay,
  and the holes it left were too ragged to serve the next one whole: the heaps' free space grew
  from 2.4 to 5.8 MB over a move of 100,000 documents, and on with every further page.

The threshold is fixed where glibc starts it, so every block of 128 KiB or more is mapped and
given back the moment it is freed, whatever the file's size or the archive's length. The cost is
a map and an unmap per such block, a few thousand per move.
"""

from __future__ import annotations

import ctypes
import functools
import os
from collections.abc import Callable
from typing import cast

# mallopt's parameter for the size from which malloc maps a block of its own (malloc.h).
M_MMAP_THRESHOLD = -3
# From this size a block is mapped and unmapped: parts, listing pages; never rows or keys.
# glibc's own starting value, which it would otherwise raise after the first large free.
LARGE_BUFFER_BYTES = 128 * 1024


def _is_glibc() -> bool:
    """Whether this process runs on glibc, whose malloc the threshold is for."""
    confstr = getattr(os, "confstr", None)
    if confstr is None:
        return False
    try:
        return bool(confstr("CS_GNU_LIBC_VERSION"))
    except (ValueError, OSError):
        return False


@functools.cache
def return_large_buffers() -> bool:
    """Fix malloc's mapping threshold at LARGE_BUFFER_BYTES for this process, once; whether it
    was set (only glibc has it: other C libraries return large blocks already, or differently)."""
    if not _is_glibc():
        return False
    mallopt = ctypes.CDLL(None).mallopt
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, LARGE_BUFFER_BYTES))


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not _is_glibc():
        return None
    trim = ctypes.CDLL(None).malloc_trim
    trim.argtypes = (ctypes.c_size_t,)
    trim.restype = ctypes.c_int
    return cast("Callable[[int], int]", trim)


def give_back_free_memory() -> None:
    """Hand the free space inside malloc's heaps back to the system (glibc's malloc_trim).

    For the end of a phase that freed much in small blocks, before one that needs memory of
    its own: a move's listing check frees its pages, and the manifest's upload then takes a
    part of 5 MB, which the heaps' ragged free space could not serve.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
