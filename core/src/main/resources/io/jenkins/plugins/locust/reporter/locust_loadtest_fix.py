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


# --- Parent watch (local backend only) ------------------------------------------------------------------------------
# The local backend keeps a pipe open on every Locust process's standard input and sets LOADTEST_PARENT_WATCH=stdin.
# When the tool dies without cleaning up (SIGKILL, OOM killer, a crashed Jenkins controller), the kernel closes that
# pipe: the read below then returns end of file and the process exits at once, instead of loading the target until
# the run time ends with nobody collecting the result. A pipe works on every Unix and survives re-parenting (unlike
# prctl's parent-death signal, which fires when the starting *thread* ends). Pods on Kubernetes have no such pipe and
# never set the variable; their lifetime is bound by the Jobs' deadlines and ownerReferences instead.

PARENT_WATCH_ENV = "LOADTEST_PARENT_WATCH"
PARENT_GONE_EXIT_CODE = 1


def watch_parent_through_stdin():
    """Exits this process when standard input reaches end of file, also in --processes children (re-armed at fork)."""
    import os
    import sys

    import gevent.monkey

    if os.environ.get(PARENT_WATCH_ENV) != "stdin":
        return
    # A real OS thread, not a greenlet: a blocking read must not stall gevent's hub, and reads of fd 0 are not
    # cooperative under gevent.
    start_thread = gevent.monkey.get_original("_thread", "start_new_thread")

    def watch():
        try:
            while os.read(0, 4096):
                pass
        except OSError:
            pass
        try:
            sys.stderr.write("locust_loadtest_fix: the load test tool that started this process is gone; exiting\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass  # its stderr pipe is gone too
        os._exit(PARENT_GONE_EXIT_CODE)

    def start():
        start_thread(watch, ())

    start()
    # Locust's --processes forks workers after loading this file; only the forking thread lives on in a child.
    os.register_at_fork(after_in_child=start)


watch_parent_through_stdin()
# --- end of parent watch --------------------------------------------------------------------------------------------
