"""Name lists of the recognizers package, for the pipeline: "Per" and "Bo" are names as well as words."""

from recognizers.names import given_names, surnames

__all__ = ["given_names", "surnames"]
