"""Imported by the forkserver that starts a Dask ``LocalCluster``'s workers.

Loads the pipeline of the ``NEWSKG_*`` settings once, in the forkserver, so each
worker forked from it starts with the pipeline already loaded (and shared
copy-on-write) instead of importing spaCy and loading the model itself.
"""

from contextlib import suppress

from kg.executors import dask_setup

with suppress(Exception):  # each worker's plugin loads it again and reports the error
    dask_setup(None)
