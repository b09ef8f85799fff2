"""The background work: the queues of moves, mail and file checks, offer expiry, and their loops."""
