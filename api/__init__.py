"""The HTTP and GraphQL face of Overdracht."""
