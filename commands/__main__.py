"""`python -m commands` runs the same command line as the `overdracht` script."""

from commands.cli import main

main()
