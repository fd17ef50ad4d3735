"""Loaded first (-f locust_loadtest_fix.py,...) on the master and on every worker.

Locust's master declares a worker missing after 3 missed one-second heartbeats, and stops the whole test when
the last worker goes missing. A worker whose CPU is saturated (a busy CI agent, a throttled pod) stalls that long
while it is perfectly alive, so the test ends after a few seconds. The master here tolerates HEARTBEAT_LIVENESS
missed beats instead; a worker that really died is still noticed by the backend (its process or pod ends).

Debian's python3-locust 2.12.1 ships an empty __version__. The master then takes every worker for a pre-2.0
worker and rejects it, so a distributed run never starts. Master and workers load this same file, so they
announce the same non-empty version and accept each other. Other Locust builds are left untouched.
"""

import json
import math
import os

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


# A worker gives up on a master it cannot reach after CONNECT_RETRY_COUNT tries of CONNECT_TIMEOUT seconds (60 x 5 s
# in 2.12 to 2.47) and exits with code 255. On Kubernetes the master can start later than that (its node is being
# added by the autoscaler, its image pulled), so the workers keep trying for the run's whole start timeout.
# 2.12 retries by recursion: the count stays well below Python's recursion limit.
MAX_CONNECT_RETRIES = 720


def _wait_for_master_through_start_timeout():
    config = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locust_loadtest_reporter.json")
    try:
        with open(config, encoding="utf-8") as file:
            seconds = float(json.load(file).get("start_timeout_seconds") or 0)
    except (OSError, ValueError, AttributeError):
        return
    timeout = getattr(locust.runners, "CONNECT_TIMEOUT", 5) or 5
    retries = min(MAX_CONNECT_RETRIES, int(math.ceil(seconds / timeout)) + 1)
    # Read at every retry, so raising the module constant is enough.
    if getattr(locust.runners, "CONNECT_RETRY_COUNT", retries) < retries:
        locust.runners.CONNECT_RETRY_COUNT = retries


_wait_for_master_through_start_timeout()


# A worker ended by SIGTERM from outside (a node drain, an eviction, kubectl delete) exits with 0 like one the master
# told to quit, so its Job counts it as a completed pod and never replaces it. Such a worker exits with 143
# (128 + SIGTERM) instead: the Job then replaces it (without using up its backoffLimit when the pod was disrupted),
# and the backend reports it as a lost worker. Locust installs its SIGTERM handler with gevent.signal_handler after
# loading this file, so the handler it installs is wrapped here.
TERMINATED_EXIT_CODE = 143


def _fail_workers_terminated_from_outside():
    import signal

    import gevent

    environments = []
    locust.events.init.add_listener(lambda environment, **_kwargs: environments.append(environment))
    install = gevent.signal_handler

    def signal_handler(signalnum, handler, *args, **kwargs):
        if signalnum != signal.SIGTERM:
            return install(signalnum, handler, *args, **kwargs)

        def on_sigterm(*handler_args, **handler_kwargs):
            for environment in environments:
                if isinstance(environment.runner, locust.runners.WorkerRunner):
                    if environment.process_exit_code is None:
                        environment.process_exit_code = TERMINATED_EXIT_CODE
            return handler(*handler_args, **handler_kwargs)

        return install(signalnum, on_sigterm, *args, **kwargs)

    gevent.signal_handler = signal_handler


_fail_workers_terminated_from_outside()


# ---- on the workers: what the verdict's guard rails need and Locust does not report ---------------------------
# Task iterations (exceptions are judged against them), CPU sampled every second (Locust samples every 5-10 s and
# its first sample is 0, so short runs had none), and a last word from a worker whose user code calls sys.exit():
# its numbers so far and why it ends, sent before it goes (the master otherwise notices only heartbeats later).

import logging  # noqa: E402
import os  # noqa: E402

import gevent  # noqa: E402
from locust import events  # noqa: E402
from locust.user.task import TaskSet  # noqa: E402

WORKER_EXIT_MESSAGE = "loadtest_worker_exit"
CPU_SAMPLE_SECONDS = 1.0
EXIT_FLUSH_SECONDS = 0.5

_worker = {"runner": None, "tasks": 0, "cpu": 0.0}
_original_execute_next_task = TaskSet.execute_next_task


def _counted_execute_next_task(self):
    _worker["tasks"] += 1
    task = self._task_queue[0] if self._task_queue else None
    try:
        return _original_execute_next_task(self)
    except SystemExit as exit_request:
        _announce_exit(self, task, exit_request)
        raise


def _announce_exit(taskset, task, exit_request):
    runner = _worker["runner"]
    if runner is None:
        return
    code = exit_request.code if isinstance(exit_request.code, int) else (0 if exit_request.code is None else 1)
    user = type(getattr(taskset, "user", taskset)).__name__
    name = getattr(task, "__name__", None)
    where = "task %s.%s" % (user, name) if name else "a task of %s" % user
    cause = "SystemExit(%s) raised in %s" % (exit_request.code, where)
    try:
        runner._send_stats()  # the requests made so far, which the next 3-s report would have carried
        runner.send_message(WORKER_EXIT_MESSAGE, {"code": code, "cause": cause})
        gevent.sleep(EXIT_FLUSH_SECONDS)  # let ZeroMQ deliver both before the process ends
    except Exception:  # the worker is ending anyway; never mask its exit
        logging.getLogger("loadtest.fix").exception("could not report the worker's exit")


def _sample_cpu():
    import psutil  # a Locust dependency

    process = psutil.Process(os.getpid())
    process.cpu_percent()  # the first call only starts the measurement
    while True:
        gevent.sleep(CPU_SAMPLE_SECONDS)
        _worker["cpu"] = max(_worker["cpu"], process.cpu_percent())


@events.init.add_listener
def _on_worker_init(environment, **_kwargs):
    runner = environment.runner
    if runner is None or type(runner).__name__ != "WorkerRunner":
        return
    _worker["runner"] = runner
    TaskSet.execute_next_task = _counted_execute_next_task
    gevent.spawn(_sample_cpu)


@events.report_to_master.add_listener
def _on_report_to_master(client_id, data, **_kwargs):
    if _worker["runner"] is None:
        return
    data["loadtest_tasks"] = _worker["tasks"]
    data["loadtest_cpu"] = _worker["cpu"]
    _worker["tasks"] = 0
    _worker["cpu"] = 0.0
