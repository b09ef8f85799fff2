"""GraphQL types: they declare what clients see and leave every decision to the resolvers."""
