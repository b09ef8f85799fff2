"""The top floor: the `overdracht` command and the demo world it can seed."""
