"""GraphiQL served from the service's own origin, so it works offline and under a strict CSP."""
