"""Loaded first (-f locust_loadtest_fix.py,...) on the master and on every worker.

Debian's python3-locust 2.12.1 ships an empty __version__. The master then takes every worker for a pre-2.0
worker and rejects it, so a distributed run never starts. Master and workers load this same file, so they
announce the same non-empty version and accept each other. Other Locust builds are left untouched.
"""

import locust
import locust.runners

# The only Locust build known to ship without a version string (its metadata says 0.0.0).
UNVERSIONED_BUILD = "2.12.1"

if not getattr(locust, "__version__", ""):
    locust.__version__ = UNVERSIONED_BUILD
    locust.runners.__version__ = UNVERSIONED_BUILD
