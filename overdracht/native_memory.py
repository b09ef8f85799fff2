"""Large native buffers handed back to the system when freed, instead of kept by each thread.

The S3 client (obstore, in Rust) uploads a large file in parts of 5 MB, each allocated by one of
its runtime's threads. glibc's malloc maps a block that large, but once such a block is freed it
raises that threshold to the block's size (up to 32 MB) and serves the following ones from the
allocating thread's arena, which keeps what is freed for later: every thread that ever held a
part keeps room for it. So the memory an upload left behind grew with the file until each thread
had its share: 10 MB after a file of 20 MB, 30 MB after one of 200 MB (a move's manifest of a
million documents). A fixed threshold keeps every block of a megabyte or more mapped, so freeing
one gives it back at once, whatever the file's size.
"""

from __future__ import annotations

import ctypes
import functools
import os

# mallopt's parameter for the size from which malloc maps a block of its own (malloc.h).
M_MMAP_THRESHOLD = -3
# From this size a block is mapped and unmapped: parts, listing pages; never rows or keys.
LARGE_BUFFER_BYTES = 1024 * 1024


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
