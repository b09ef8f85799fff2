"""Use cases: one module per query family and one per mutation."""
