"""Loaded first (-f locust_loadtest_fix.py,...) on the master and on every worker.

Locust's master declares a worker missing after 3 missed one-second heartbeats, and stops the whole test when
the last worker goes missing. A worker whose CPU is saturated (a busy CI agent, a throttled pod) stalls that long
while it is perfectly alive, so the test ends after a few seconds. The master here tolerates HEARTBEAT_LIVENESS
missed beats instead; a worker that really died is still noticed by the backend (its process or pod ends).

Debian's python3-locust 2.12.1 ships an empty __version__. The master then takes every worker for a pre-2.0
worker and rejects it, so a distributed run never starts. Master and workers load this same file, so they
announce the same non-empty version and accept each other. Other Locust builds are left untouched.
"""

import locust
import locust.runners

# The only Locust build known to ship without a version string (its metadata says 0.0.0).
UNVERSIONED_BUILD = "2.12.1"

HEARTBEAT_LIVENESS = 8

# Read by the master at every heartbeat, so raising the module constant is enough (2.12 to 2.47).
if getattr(locust.runners, "HEARTBEAT_LIVENESS", HEARTBEAT_LIVENESS) < HEARTBEAT_LIVENESS:
    locust.runners.HEARTBEAT_LIVENESS = HEARTBEAT_LIVENESS

if not getattr(locust, "__version__", ""):
    locust.__version__ = UNVERSIONED_BUILD
    locust.runners.__version__ = UNVERSIONED_BUILD
