"""`python -m screening` is the `screen` command."""

from screening.cli import main

main()
