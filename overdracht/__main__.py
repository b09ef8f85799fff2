"""`python -m overdracht` runs the same command line as the `overdracht` script."""

from overdracht.cli import main

main()
