"""screen: find and remove personal data in Norwegian and Danish translation files."""

import os as _os
import sys as _sys

__version__ = "0.1.0"

# numpy's OpenBLAS (the spaCy pipelines' matrix products, see screening.analysis.USE_BLIS) starts a
# thread per core. The matrices are small and `screen batch` and `screen tm` run a process per core:
# the threads only wait on each other (the analysis took 1.35 s instead of 0.79 s with two threads on
# this 2-core machine). OpenBLAS reads this once, when numpy loads, so it is set before anything here
# imports numpy; worker processes inherit it, and a value the caller set is kept.
OPENBLAS_THREADS_CHOSEN = "numpy" not in _sys.modules or "OPENBLAS_NUM_THREADS" in _os.environ
_os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
