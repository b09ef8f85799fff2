"""Benchmarks run by hand against a real PostgreSQL; not tests, pytest never collects them."""
