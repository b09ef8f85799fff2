"""Mail delivery: what each notice says, the outbox it waits in and the dispatcher that sends it."""
