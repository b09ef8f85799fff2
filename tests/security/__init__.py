"""Security checks: tokens, cost, roles and bad input, each over real HTTP and WebSocket."""
