"""Security checks against a real server: a bounded fuzz run of /graphql from schema.graphql."""
