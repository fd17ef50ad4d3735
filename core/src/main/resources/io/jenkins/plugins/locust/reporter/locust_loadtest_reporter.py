"""Locust Load Test reporter, loaded on the master next to the user's locustfile.

It prints one JSON object per line to stdout behind PREFIX (Locust itself logs to stderr): hello, workers,
snapshot (every 2 s), abort and final. The plugin builds its result from these lines only, so nothing has to be
copied out of the master when it ends. It adds no per-request hooks: all work happens on one greenlet and at
quit. Its optional config file (next to this file) carries the stages (a load shape) and the abort rules.
Works with Locust 2.12.1 to 2.47.x.
"""

import json
import logging
import math
import os
import sys
import time

import gevent
import locust
from locust import events
from locust.rpc import Message
from locust.shape import LoadTestShape

PREFIX = "##loadtest:v1 "
PROTOCOL = "1.0"
TICK_SECONDS = 1.0
SNAPSHOT_EVERY_TICKS = 2
BREACHES_TO_ABORT = 3
CONFIG_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locust_loadtest_reporter.json")
SHAPE_NAME = "LocustLoadTestStages"
ACTIVE_STATES = ("spawning", "running")

logger = logging.getLogger("loadtest.reporter")


def _load_config():
    if not os.path.exists(CONFIG_FILE):
        return {}
    with open(CONFIG_FILE, encoding="utf-8") as file:
        return json.load(file)


CONFIG = _load_config()
STAGES = CONFIG.get("stages") or []
ABORT_RULES = CONFIG.get("abort_rules") or []
# The locustfile's own shape drives the run: its name and the most it may run (Locust ignores -t next to a shape).
OWN_SHAPE = CONFIG.get("own_shape") or {}


def emit(event, **fields):
    fields["event"] = event
    sys.stdout.write(PREFIX + json.dumps(fields, separators=(",", ":"), default=str) + "\n")
    sys.stdout.flush()


def _number(value):
    if value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
        return None
    return value


if STAGES:

    class LocustLoadTestStages(LoadTestShape):
        """The spec's stages: ramp to each stage's users at its rate and hold for its duration."""

        def tick(self):
            elapsed = self.get_run_time()
            end = 0.0
            for stage in STAGES:
                end += stage["seconds"]
                if elapsed < end:
                    return stage["users"], stage["spawn_rate"]
            return None


class Reporter:
    def __init__(self, environment):
        self.environment = environment
        self.runner = environment.runner
        self.options = environment.parsed_options
        self.seen = {}
        self.last_workers = None
        self.started = None
        self.started_wall = None
        self.breaches = {}
        self.aborted = False
        self.final_sent = False
        self.test_stopped_at = None
        self.stop_cause = None
        self.limit_reached = False
        self.tasks = None
        self.quitting = False

    # ---- events -------------------------------------------------------------------------------------------

    def hello(self):
        options = self.options
        emit(
            "hello",
            protocol=PROTOCOL,
            locust_version=locust.__version__,
            users=getattr(options, "num_users", None),
            spawn_rate=getattr(options, "spawn_rate", None),
            run_time=_number(getattr(options, "run_time", None)) if not STAGES else None,
            expected_workers=getattr(options, "expect_workers", None),
            host=getattr(options, "host", None),
            shape=_own_shape_name(self.environment),
            stages=STAGES,
            abort_rules=len(ABORT_RULES),
        )

    def test_started(self):
        if self.started is None:
            self.started = time.monotonic()
            self.started_wall = time.time()

    def test_stopped(self):
        # Locust's master stops the whole test by itself when its last worker misses heartbeats (a CPU-starved
        # worker looks exactly like a dead one). The run then ends at the run time with the numbers of the first
        # seconds only: record it, so the result says so instead of passing on partial data.
        if self.test_stopped_at is not None or self.started is None:
            return
        self.test_stopped_at = self.elapsed()
        clients = list(self.runner.clients.values())
        missing = [client for client in clients if client.state == "missing"]
        for client in missing:
            known = self._known(client.id)
            known["state"] = client.state
            self._lose(known, self.test_stopped_at)
        if self.aborted:
            self.stop_cause = "abort"
        elif self.limit_reached:
            self.stop_cause = "shape_limit"
        elif clients and len(missing) == len(clients):
            self.stop_cause = "workers_missing"
            # Nothing can be measured any more: end now instead of idling until the run time is over.
            self.quit_now("every worker stopped answering")

    def _known(self, worker_id):
        return self.seen.setdefault(worker_id, {"max_cpu": None, "lost": False, "gone": False})

    def _lose(self, known, at):
        if not known["lost"]:
            known["lost"] = True
            known["lost_at"] = at

    def quit_now(self, why):
        if not self.quitting:
            self.quitting = True
            logger.warning("Ending the run: %s", why)
            gevent.spawn(self.runner.quit)

    def worker_report(self, client_id, data):
        """Takes what locust_loadtest_fix.py adds to each worker's stats report: task iterations and CPU."""
        tasks = data.get("loadtest_tasks")
        if tasks is not None:
            self.tasks = (self.tasks or 0) + tasks
        cpu = data.get("loadtest_cpu")
        if cpu:
            known = self._known(client_id)
            known["max_cpu"] = max(known["max_cpu"] or 0.0, cpu)

    def worker_exit(self, msg):
        """A worker announces it is ending (sys.exit() in user code): it is lost now, with its exit code and cause."""
        data = msg.data or {}
        known = self._known(msg.node_id)
        known["exit_code"] = data.get("code")
        known["exit_cause"] = data.get("cause")
        if self.started is not None:
            self._lose(known, self.elapsed())
        exited = [w for w in self.seen.values() if "exit_code" in w]
        if self.started is not None and self.runner.clients and len(exited) >= len(self.runner.clients):
            self.stop_cause = self.stop_cause or "workers_gone"
            if self.test_stopped_at is None:
                self.test_stopped_at = self.elapsed()
            self.quit_now("every worker has exited")

    def announced_exit(self, worker_id):
        return "exit_code" in self.seen.get(worker_id, {})

    def elapsed(self):
        return 0.0 if self.started is None else round(time.monotonic() - self.started, 3)

    def workers(self, force):
        current = {client.id: client for client in self.runner.clients.values()}
        active = self.runner.state in ACTIVE_STATES
        for worker_id, client in current.items():
            known = self._known(worker_id)
            known["state"] = client.state
            known["users"] = client.user_count
            known["cpu"] = client.cpu_usage
            if client.cpu_usage:  # Locust's first sample is always 0: not a measurement
                known["max_cpu"] = max(known["max_cpu"] or 0.0, client.cpu_usage)
            known["gone"] = False
            # A worker missing after the test started never delivers its last numbers, whenever it went missing.
            if client.state == "missing" and self.started is not None:
                self._lose(known, self.elapsed())
        for worker_id, known in self.seen.items():
            if worker_id not in current and not known["gone"]:
                known["gone"] = True
                known["state"] = "gone"
                if active:
                    self._lose(known, self.elapsed())
        listed = [
            {
                "id": worker_id,
                "state": known["state"],
                "users": known.get("users", 0),
                "cpu": known.get("cpu", 0.0),
                "max_cpu": known["max_cpu"],
                "lost": known["lost"],
                "lost_at": known.get("lost_at"),
                "exit_code": known.get("exit_code"),
                "exit_cause": known.get("exit_cause"),
            }
            for worker_id, known in self.seen.items()
        ]
        signature = [(w["id"], w["state"], w["users"], w["lost"]) for w in listed]
        if force or signature != self.last_workers:
            self.last_workers = signature
            emit(
                "workers",
                connected=self.runner.worker_count,
                expected=getattr(self.options, "expect_workers", None),
                workers=listed,
            )

    def snapshot(self):
        total = self.runner.stats.total
        emit(
            "snapshot",
            elapsed=self.elapsed(),
            state=self.runner.state,
            users=self.runner.user_count,
            workers=self.runner.worker_count,
            rps=round(total.current_rps or 0.0, 3),
            fail_per_s=round(total.current_fail_per_sec or 0.0, 3),
            p50=_current_percentile(total, 0.50),
            p95=_current_percentile(total, 0.95),
            p99=_current_percentile(total, 0.99),
            requests=total.num_requests,
            failures=total.num_failures,
        )

    def check_abort_rules(self):
        if self.aborted or self.runner.state != "running":
            return
        for rule in ABORT_RULES:
            actual = _metric(self.runner.stats, rule)
            key = rule["expression"]
            if actual is None or not _breached(actual, rule["op"], rule["limit"]):
                self.breaches[key] = 0
                continue
            self.breaches[key] = self.breaches.get(key, 0) + 1
            if self.breaches[key] >= BREACHES_TO_ABORT:
                self.abort(rule, actual)
                return

    def abort(self, rule, actual):
        self.aborted = True
        reason = "threshold '%s' breached for %d consecutive snapshots (%s = %s)" % (
            rule["expression"],
            BREACHES_TO_ABORT,
            rule["metric"],
            _format(actual),
        )
        emit(
            "abort",
            elapsed=self.elapsed(),
            expression=rule["expression"],
            metric=rule["metric"],
            endpoint=rule.get("endpoint"),
            actual=actual,
            limit=rule["limit"],
            reason=reason,
        )
        logger.warning("Stopping the test: %s", reason)
        # quit() still lets Locust collect the workers' last stats and write its summary and CSV files.
        gevent.spawn(self.runner.quit)

    def check_shape_limit(self):
        """Stops a run of the locustfile's own shape that has not ended by itself within the run time."""
        limit = OWN_SHAPE.get("limit_seconds")
        if not limit or self.limit_reached or self.aborted or self.started is None:
            return
        if self.runner.state in ACTIVE_STATES and self.elapsed() >= limit:
            self.limit_reached = True
            self.quit_now("the load shape %s has not ended after the run time of %.0f s" % (OWN_SHAPE.get("name"), limit))

    def final(self, exit_code):
        if self.final_sent:
            return
        self.final_sent = True
        self.workers(force=False)
        stats = self.runner.stats
        emit(
            "final",
            elapsed=self.elapsed(),
            exit_code=exit_code,
            aborted=self.aborted,
            test_seconds=self.test_stopped_at,
            stop_cause=self.stop_cause,
            tasks=self.tasks,
            start_time=self.started_wall or stats.total.start_time,
            stop_time=time.time(),
            last_request_time=stats.total.last_request_timestamp,
            endpoints=[_entry(entry) for entry in stats.entries.values()],
            total=_entry(stats.total),
            errors=[_error(error) for error in stats.errors.values()],
            exceptions=[
                {
                    "count": row["count"],
                    "msg": row["msg"],
                    "traceback": row["traceback"],
                    "nodes": sorted(row["nodes"]),
                }
                for row in self.runner.exceptions.values()
            ],
            workers=[
                {
                    "id": worker_id,
                    "state": known["state"],
                    "users": known.get("users", 0),
                    "max_cpu": known["max_cpu"],
                    "lost": known["lost"],
                    "lost_at": known.get("lost_at"),
                    "exit_code": known.get("exit_code"),
                    "exit_cause": known.get("exit_cause"),
                }
                for worker_id, known in self.seen.items()
            ],
        )

    # ---- the one greenlet ---------------------------------------------------------------------------------

    def loop(self):
        ticks = 0
        while not self.final_sent:
            gevent.sleep(TICK_SECONDS)
            try:
                ticks += 1
                snapshot_due = self.started is not None and ticks % SNAPSHOT_EVERY_TICKS == 0
                self.workers(force=snapshot_due)
                self.check_shape_limit()
                if snapshot_due and self.runner.state in ACTIVE_STATES:
                    self.snapshot()
                    self.check_abort_rules()
            except Exception:  # the reporter must never end the run
                logger.exception("loadtest reporter tick failed")


def _current_percentile(entry, fraction):
    if not entry.num_requests:
        return 0
    value = None
    if entry.use_response_times_cache:
        value = entry.get_current_response_time_percentile(fraction)
    return value if value is not None else entry.get_response_time_percentile(fraction)


def _find_entry(stats, endpoint):
    if not endpoint:
        return stats.total
    for entry in stats.entries.values():
        if endpoint == entry.name or endpoint == "%s %s" % (entry.method, entry.name):
            return entry
    return None


def _metric(stats, rule):
    entry = _find_entry(stats, rule.get("endpoint"))
    if entry is None or not entry.num_requests:
        return None
    metric = rule["metric"]
    if metric in ("p50", "p90", "p95", "p99"):
        return _current_percentile(entry, int(metric[1:]) / 100.0)
    if metric == "avg":
        return entry.avg_response_time
    if metric == "max":
        return entry.max_response_time
    if metric == "rps":
        return entry.current_rps
    if metric == "failures_per_s":
        return entry.current_fail_per_sec
    if metric == "fail_ratio":
        rps = entry.current_rps
        return entry.current_fail_per_sec / rps if rps else entry.fail_ratio
    return None


def _breached(actual, op, limit):
    # A rule states what must hold (e.g. p95 < 800): it is breached when that comparison is false.
    holds = {
        "<": actual < limit,
        "<=": actual <= limit,
        ">": actual > limit,
        ">=": actual >= limit,
        "==": actual == limit,
    }[op]
    return not holds


def _format(value):
    return ("%.4g" % value) if isinstance(value, float) else str(value)


def _entry(entry):
    return {
        "method": entry.method or "",
        "name": entry.name,
        "num_requests": entry.num_requests,
        "num_failures": entry.num_failures,
        "min": entry.min_response_time or 0,
        "max": entry.max_response_time or 0,
        "total": entry.total_response_time,
        "content": entry.total_content_length,
        "rps": _number(entry.total_rps) or 0.0,
        "response_times": {str(int(ms)): count for ms, count in entry.response_times.items()},
    }


def _error(error):
    data = error.serialize()
    return {
        "method": data.get("method") or "",
        "name": data.get("name"),
        "error": data.get("error"),
        "occurrences": data.get("occurrences"),
    }


_reporter = None


def _own_shape_name(environment):
    """The locustfile's own LoadTestShape class that drives this run, or None (users and run time, or stages)."""
    shape = getattr(environment, "shape_class", None)
    if shape is None or STAGES:
        return None
    name = shape.__name__ if isinstance(shape, type) else type(shape).__name__
    return None if name == SHAPE_NAME else name


def _choose_shape(environment):
    """Makes the run use the stages' shape, or the locustfile's own one, whatever the Locust version picked.

    Locust 2.12 takes the shape of the last -f file (ours, or none), newer Locust the first one found.
    """
    shapes = getattr(environment, "available_shape_classes", None) or {}
    own = {name: shape for name, shape in shapes.items() if name != SHAPE_NAME}
    if STAGES and own:
        message = (
            "The locustfile defines its own LoadTestShape (%s) and the load test also has stages. Use one: "
            "remove the stages from the step, or remove the shape class from the locustfile." % ", ".join(own)
        )
        emit("error", message=message)
        logger.error(message)
        sys.exit(1)
    if OWN_SHAPE and not own:
        message = (
            "The load test found the load shape %s in the locustfile, but Locust loaded none (is it defined only under a "
            "condition?). Give users and runTime instead, or make the shape class a plain top-level class."
            % OWN_SHAPE.get("name")
        )
        emit("error", message=message)
        logger.error(message)
        sys.exit(1)
    wanted = shapes.get(SHAPE_NAME) if STAGES else next(iter(own.values()), None)
    if wanted is None:
        return
    if environment.shape_class is not wanted:
        environment.shape_class = wanted
        wanted.runner = environment.runner
    if not hasattr(wanted, "use_common_options"):
        # Locust before 2.2x refuses a shape together with -t ("makes no sense ... Bailing out"); the shape ends
        # the run, and the runner still stops one that outlasts runTime.
        environment.parsed_options.run_time = None


# Sent by locust_loadtest_fix.py on a worker whose user code called sys.exit().
WORKER_EXIT_MESSAGE = "loadtest_worker_exit"

# How long the master waits for its workers' last numbers beyond their users' own stop timeout.
FINAL_REPORT_PATIENCE_SECONDS = 10


def _wait_for_final_reports(environment):
    """Makes the master's quit wait until every worker has delivered its last numbers.

    Locust's master sends "quit" to its workers and waits a fixed 0.5 s for their final stats: a busy worker answers
    later and its last seconds of requests are lost (seen: 507 counted of 622 served on a loaded machine). A worker
    sends its final stats and then its own "quit" on the same socket, so once the master has seen every worker quit,
    it has all their numbers. Missing workers cannot answer and are not waited for.
    """
    runner = environment.runner
    original_quit = runner.quit

    def quit_after_final_reports():
        runner.stop(send_stop_to_client=False)
        waiting = [client.id for client in runner.clients.all if client.state != "missing"]
        for worker_id in waiting:
            runner.server.send_to_client(Message("quit", None, worker_id))
        patience = (environment.stop_timeout or 0) + FINAL_REPORT_PATIENCE_SECONDS
        deadline = time.monotonic() + patience

        def answering(worker_id):
            # A worker that went missing or announced its exit will not answer: waiting for it only delays the end.
            client = runner.clients.get(worker_id)
            exited = _reporter is not None and _reporter.announced_exit(worker_id)
            return client is not None and client.state != "missing" and not exited

        while time.monotonic() < deadline and any(answering(worker_id) for worker_id in waiting):
            gevent.sleep(0.05)
        late = [worker_id for worker_id in waiting if answering(worker_id)]
        if late:
            logger.warning("No final report within %.0f s from workers %s; their last numbers are missing", patience, late)
        original_quit()

    runner.quit = quit_after_final_reports


@events.init.add_listener
def _on_init(environment, **_kwargs):
    global _reporter
    runner = environment.runner
    if runner is None or type(runner).__name__ == "WorkerRunner":
        return
    _choose_shape(environment)
    _reporter = Reporter(environment)
    if type(runner).__name__ == "MasterRunner":
        _wait_for_final_reports(environment)
        runner.register_message(WORKER_EXIT_MESSAGE, lambda msg, **_kwargs: _reporter.worker_exit(msg))
        events.worker_report.add_listener(_reporter.worker_report)
    _reporter.hello()
    gevent.spawn(_reporter.loop)


@events.test_start.add_listener
def _on_test_start(**_kwargs):
    if _reporter is not None:
        _reporter.test_started()


@events.test_stop.add_listener
def _on_test_stop(**_kwargs):
    if _reporter is not None:
        _reporter.test_stopped()


@events.quit.add_listener
def _on_quit(exit_code=None, **_kwargs):
    # quit fires once, after the master collected the workers' last stats (normal end, abort and SIGTERM).
    if _reporter is not None:
        _reporter.final(exit_code)
