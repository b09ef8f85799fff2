"""Overdracht: move an administration and its archive between accounting firms' environments."""
