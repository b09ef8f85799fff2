"""Query, Mutation and Subscription: the root types that wire each field to its resolver."""
