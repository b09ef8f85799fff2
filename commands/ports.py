"""Ports taken before anything says where to go: a port in use is one clear line, not a URL."""

from __future__ import annotations

import errno
import socket


class PortUnavailable(Exception):
    """The port cannot be listened on; the message says why in words, in one line."""


def why_not(error: OSError) -> str:
    """Why binding failed, as a person reads it."""
    if error.errno == errno.EADDRINUSE:
        return "another program is listening there"
    if error.errno == errno.EACCES:
        return "this user may not listen there"
    if error.errno == errno.EADDRNOTAVAIL:
        return "that address is not one of this machine's"
    return error.strerror or str(error)


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket listening on host:port, so whoever prints the URL already holds the port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    # As uvicorn does: a restart is not refused for the old sockets in TIME_WAIT; a port with
    # another listener still is.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        # Listening at once: a request sent as soon as the URL is printed waits for the app.
        sock.listen(2048)
    except OSError as error:
        sock.close()
        raise PortUnavailable(f"cannot listen on {host}:{port}: {why_not(error)}") from None
    return sock
