"""The background work that moves administrations from one environment to another."""
