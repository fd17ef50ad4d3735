#!/usr/bin/env python3
"""Figures 1, 2, 3 and 8 of `make bench`: real Locust against our own nginx on 127.0.0.1.

Method (docs/performance.md): one nginx (worker_processes 1, a 100-byte static file, access log of `$msec` per
request) serves every run; the target's log, not Locust, is the primary count. Each round runs, in this order:

  ours   bin/loadtest run (local backend), FastHttpUser, W workers            -> figures 1, 2
  plain  locust --master/--worker by hand, same file, same W workers          -> figures 1, 2, 3 (without reporter)
  report plain, with our reporter added to the master's -f                     -> figure 3 (with reporter)
  http   bin/loadtest run, HttpUser, 1 worker                                  -> figure 8
  fast   bin/loadtest run, FastHttpUser, 1 worker                              -> figure 8

Every figure is the median over the rounds with its min-max spread. Benchmarks print; nothing here asserts a speed.
Standard library only, run with the project venv's Python (its Locust is the one measured).
Usage: load_bench.py --out target/bench [--rounds 3] [--run-time 15]
"""

import argparse
import atexit
import csv
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LOADTEST = REPO / "bin" / "loadtest"
REPORTER = REPO / "core/src/main/resources/io/jenkins/plugins/locust/reporter/locust_loadtest_reporter.py"
STATIC_FILE = "static.txt"
STATIC_BYTES = 100
LOCUST_PER_CORE = {"HttpUser": 4000, "FastHttpUser": 16000}

LOCUSTFILE = """\
from locust import constant, task
from {module} import {user_class}


class Bench({user_class}):
    wait_time = constant(0)

    @task
    def static(self):
        self.client.get("/{static}")
"""


# ---------------------------------------------------------------- pure parts (unit-tested)


def parse_access_log(text):
    """The request times (epoch seconds) of an nginx access log written with `log_format bench '$msec'`."""
    times = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            try:
                times.append(float(line))
            except ValueError:
                continue  # a partial last line or a foreign format: not a request we can place in time
    return times


def steady_rps(times, trim=2.0):
    """Requests per second in the steady part of a run: the first and last `trim` seconds (ramp-up and stop)
    are cut, shortened to a quarter of the run each when the run is short. None for fewer than two requests."""
    if len(times) < 2:
        return None
    first, last = min(times), max(times)
    cut = min(trim, (last - first) / 4)
    start, end = first + cut, last - cut
    if end <= start:
        return None
    return sum(1 for t in times if start <= t < end) / (end - start)


def total_rps(times):
    """All requests over the time between the first and the last one."""
    if len(times) < 2 or max(times) <= min(times):
        return None
    return len(times) / (max(times) - min(times))


def median_spread(values, unit="", digits=3):
    """(median, 'min–max unit') of the values that were measured (None skipped); (None, 'no run') if none."""
    values = [v for v in values if v is not None]
    if not values:
        return None, "no successful run"
    text = f"{fmt(min(values), digits)}–{fmt(max(values), digits)}"
    return statistics.median(values), f"{text} {unit}".strip() + f" over {len(values)} runs"


def fmt(value, digits=3):
    if value is None:
        return "n/a"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}g}"


def ratios(numerators, denominators):
    """Per-round ratios; a round where either side failed gives None."""
    return [n / d if n is not None and d else None for n, d in zip(numerators, denominators)]


def differences(minuends, subtrahends):
    return [a - b if a is not None and b is not None else None for a, b in zip(minuends, subtrahends)]


def met(value, goal_holds):
    """True/False when the value was measured, None when there is nothing to judge."""
    return None if value is None else bool(goal_holds(value))


def figure(number, name, value, unit, spread, runs, goal, met_, detail):
    return {
        "figure": number,
        "name": name,
        "value": round(value, 4) if isinstance(value, float) else value,
        "unit": unit,
        "spread": spread,
        "runs": runs,
        "goal": goal,
        "met": met_,
        "detail": detail,
    }


def cpu_per_thousand(cpu_seconds, requests):
    if cpu_seconds is None or not requests:
        return None
    return cpu_seconds / requests * 1000


def figures(rounds, workers, per_core=LOCUST_PER_CORE):
    """The figure dicts (file suffix -> figure) from the measured runs: a list of {kind: run} per round."""
    def series(kind, key):
        return [r.get(kind, {}).get(key) for r in rounds]

    n = len(rounds)
    ours_rps, plain_rps = series("ours", "nginx_rps"), series("plain", "nginx_rps")
    efficiency = ratios(ours_rps, plain_rps)
    value, spread = median_spread(efficiency)
    out = {}
    out["1"] = figure(
        1, f"load efficiency: our local backend ÷ plain Locust, FastHttpUser, {workers} workers", value, "×",
        spread, n, "≥ 0.97", met(value, lambda v: v >= 0.97),
        f"RPS served by nginx (steady window) per round, ours {list_text(ours_rps)} vs plain {list_text(plain_rps)};"
        f" Locust's own counts ours {list_text(series('ours', 'locust_rps'))} vs plain"
        f" {list_text(series('plain', 'locust_rps'))} req/s; failed runs: {failures(rounds, ('ours', 'plain'))}")

    ours_start, plain_start = series("ours", "first_request_s"), series("plain", "first_request_s")
    overhead = differences(ours_start, plain_start)
    value, spread = median_spread(overhead, "s")
    out["2"] = figure(
        2, "start overhead: command start to first request at the target, ours − plain Locust", value, "s",
        spread, n, "≤ 1 s", met(value, lambda v: v <= 1.0),
        f"per round, ours {list_text(ours_start)} s, plain {list_text(plain_start)} s (ours includes the JVM,"
        f" validation and the worker gate)")

    with_cpu = [cpu_per_thousand(r.get("report", {}).get("master_cpu_s"), r.get("report", {}).get("locust_requests"))
                for r in rounds]
    without_cpu = [cpu_per_thousand(r.get("plain", {}).get("master_cpu_s"), r.get("plain", {}).get("locust_requests"))
                   for r in rounds]
    cost = ratios(with_cpu, without_cpu)
    value, spread = median_spread(cost)
    out["3"] = figure(
        3, "reporter cost: master CPU s per 1,000 requests, with ÷ without the reporter", value, "×", spread, n,
        "≤ 1.05", met(value, lambda v: v <= 1.05),
        f"master CPU ms per 1,000 requests with {list_text(scale(with_cpu, 1000))}, without"
        f" {list_text(scale(without_cpu, 1000))}; master CPU s with {list_text(series('report', 'master_cpu_s'))},"
        f" without {list_text(series('plain', 'master_cpu_s'))}; requests with"
        f" {list_text(series('report', 'locust_requests'))}, without {list_text(series('plain', 'locust_requests'))}")

    for kind, user_class in (("http", "HttpUser"), ("fast", "FastHttpUser")):
        served = series(kind, "nginx_rps")
        value, spread = median_spread(served, "req/s")
        out["8-" + user_class.lower()] = figure(
            8, f"throughput ceiling: our RPS per worker process, {user_class}", value, "req/s", spread, n,
            f"report next to Locust's documented ~{per_core[user_class] // 1000}k per core", None,
            f"1 worker; RPS served by nginx per round {list_text(served)}, Locust's own"
            f" {list_text(series(kind, 'locust_rps'))}; worker max CPU % (Locust) {list_text(series(kind, 'worker_cpu'))};"
            f" failed runs: {failures(rounds, (kind,))}")
    return out


def list_text(values):
    return "[" + ", ".join(fmt(v) for v in values) + "]"


def scale(values, factor):
    return [None if v is None else v * factor for v in values]


def failures(rounds, kinds):
    failed = [f"round {i + 1} {k}: {r[k]['error']}" for i, r in enumerate(rounds) for k in kinds
              if r.get(k, {}).get("error")]
    return "; ".join(failed) if failed else "none"


# ---------------------------------------------------------------- processes: own groups, always ended


class Children:
    """Every process the bench starts, each in its own session (process group), ended by stop_all() — called in
    `finally`, at exit and on SIGTERM/SIGINT — so a crash or Ctrl-C leaves nothing running."""

    def __init__(self):
        self.procs = []

    def start(self, args, **kwargs):
        proc = subprocess.Popen(args, start_new_session=True, stdin=subprocess.DEVNULL, **kwargs)
        self.procs.append(proc)
        return proc

    def stop(self, proc, grace=5.0):
        """SIGTERM to the whole group (our CLI then stops its Locust processes), SIGKILL after `grace` seconds."""
        for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 2.0)):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                break  # the group is empty
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline and group_alive(proc.pid):
                if proc.returncode is None:
                    proc.poll()
                time.sleep(0.05)
            if not group_alive(proc.pid):
                break
        if proc.returncode is None:
            try:
                proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                pass
        if proc in self.procs:
            self.procs.remove(proc)

    def stop_all(self):
        for proc in reversed(list(self.procs)):
            self.stop(proc)


def group_alive(pgid):
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie leader counts as gone: only its parent (us) can reap it.
    return any(pid_in_group(pid, pgid) for pid in live_pids())


def live_pids():
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            yield int(entry)


def pid_in_group(pid, pgid):
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return False
    return fields[0] != "Z" and int(fields[2]) == pgid


CHILDREN = Children()


def install_cleanup():
    atexit.register(CHILDREN.stop_all)
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda signum, frame: sys.exit(128 + signum))


def free_port():
    """A port nobody listens on now (nginx cannot listen on port 0 and report it, so we ask the kernel first)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------- the target


NGINX_CONF = """\
{user_line}
worker_processes 1;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    log_format bench '$msec';
    access_log {dir}/access.log bench;
    client_body_temp_path {dir}/tmp/body;
    proxy_temp_path {dir}/tmp/proxy;
    fastcgi_temp_path {dir}/tmp/fastcgi;
    uwsgi_temp_path {dir}/tmp/uwsgi;
    scgi_temp_path {dir}/tmp/scgi;
    keepalive_requests 10000000;
    keepalive_timeout 60s;
    open_file_cache max=10;
    server {{
        listen 127.0.0.1:{port};
        root {dir}/www;
    }}
}}
"""


class Nginx:
    """Our own nginx as the current user: its config, logs and pid in `folder`, on a free loopback port, never the
    system service."""

    def __init__(self, folder, binary="nginx"):
        self.dir = Path(folder)
        self.binary = binary
        self.port = None
        self.proc = None

    def config(self):
        # Run as root, nginx would hand its worker to `nobody`, who cannot read our temp folder: keep our user.
        user_line = ""
        if os.geteuid() == 0:
            import grp
            import pwd
            user_line = f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};"
        return NGINX_CONF.format(user_line=user_line, dir=self.dir, port=self.port)

    def start(self):
        for sub in ("www", "tmp", "logs"):
            (self.dir / sub).mkdir(parents=True, exist_ok=True)
        (self.dir / "www" / STATIC_FILE).write_text("x" * (STATIC_BYTES - 1) + "\n")
        self.port = free_port()
        (self.dir / "nginx.conf").write_text(self.config())
        with open(self.dir / "stderr.log", "wb") as stderr:
            self.proc = CHILDREN.start(
                [self.binary, "-p", str(self.dir), "-c", str(self.dir / "nginx.conf"), "-e", str(self.dir / "error.log"),
                 "-g", f"daemon off; pid {self.dir}/nginx.pid;"],
                stdout=subprocess.DEVNULL, stderr=stderr)
        self.wait_ready()
        return self

    def wait_ready(self, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"nginx exited with {self.proc.returncode}: {self.errors()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"nginx did not listen on 127.0.0.1:{self.port} within {timeout} s: {self.errors()}")

    def errors(self):
        texts = [p.read_text(errors="replace") for p in (self.dir / "stderr.log", self.dir / "error.log") if p.exists()]
        return " ".join(texts).strip()[-500:]

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def log_offset(self):
        path = self.dir / "access.log"
        return path.stat().st_size if path.exists() else 0

    def requests_since(self, offset):
        """Request times logged from byte `offset` on (nginx writes each line at once: no buffer= in the config)."""
        with open(self.dir / "access.log", "rb") as log:
            log.seek(offset)
            return parse_access_log(log.read().decode("ascii", errors="replace"))

    def stop(self):
        if self.proc is not None:
            CHILDREN.stop(self.proc)


# ---------------------------------------------------------------- the runs


def write_locustfiles(folder):
    """The two locustfiles of the bench: one GET of the static file, no wait time."""
    paths = {}
    for name, module, user_class in (("fast", "locust.contrib.fasthttp", "FastHttpUser"), ("http", "locust", "HttpUser")):
        path = Path(folder) / f"bench_{name}.py"
        path.write_text(LOCUSTFILE.format(module=module, user_class=user_class, static=STATIC_FILE))
        paths[name] = path
    return paths


def bench_env(venv_bin):
    """The project venv's Python and Locust first, for our CLI and for plain Locust alike."""
    env = dict(os.environ)
    env["PATH"] = f"{venv_bin}{os.pathsep}{env.get('PATH', '')}"
    env["LOADTEST_PYTHON"] = str(Path(venv_bin) / "python")
    env.pop("PYTHONPATH", None)
    return env


class Runner:
    def __init__(self, nginx, folder, env, users, run_time, workers, verbose):
        self.nginx = nginx
        self.folder = Path(folder)
        self.env = env
        self.users = users
        self.run_time = run_time
        self.workers = workers
        self.verbose = verbose
        self.count = 0

    def run_folder(self, kind):
        self.count += 1
        path = self.folder / f"run-{self.count:02d}-{kind}"
        path.mkdir()
        return path

    def ours(self, kind, locustfile, workers):
        """Our local backend through the CLI, as a user runs it."""
        out = self.run_folder(kind)
        args = [str(LOADTEST), "run", str(locustfile), "--users", str(self.users), "--slaves", str(workers),
                "--spawn-rate", str(self.users), "--run-time", f"{self.run_time}s", "--stop-timeout", "0s",
                "--host", self.nginx.url, "--out", str(out / "result")]
        offset = self.nginx.log_offset()
        started = time.time()
        with open(out / "stdout.log", "wb") as stdout, open(out / "stderr.log", "wb") as stderr:
            proc = CHILDREN.start(args, stdout=stdout, stderr=stderr, env=self.env)
            code = self.wait(proc)
        run = self.served(offset, started)
        run["exit"] = code
        result = read_json(out / "result" / "result.json")
        if result:
            aggregated = result.get("aggregated", {})
            run["locust_requests"] = aggregated.get("requests")
            run["locust_rps"] = aggregated.get("rps")
            cpus = [w.get("maxCpuPercent") for w in result.get("workers", []) if w.get("maxCpuPercent") is not None]
            run["worker_cpu"] = max(cpus) if cpus else None
        return self.checked(run, out, code == 0 and result is not None)

    def plain(self, kind, locustfile, with_reporter):
        """Locust's own master and workers, started by hand as its documentation shows."""
        out = self.run_folder(kind)
        port = free_port()
        files = f"{locustfile},{REPORTER}" if with_reporter else str(locustfile)
        master_args = ["locust", "-f", files, "--master", "--headless", "--master-bind-host", "127.0.0.1",
                       "--master-bind-port", str(port), "--expect-workers", str(self.workers),
                       "-u", str(self.users), "-r", str(self.users), "-t", f"{self.run_time}s",
                       "--host", self.nginx.url, "--csv", str(out / "locust")]
        worker_args = ["locust", "-f", str(locustfile), "--worker", "--master-host", "127.0.0.1",
                       "--master-port", str(port)]
        offset = self.nginx.log_offset()
        started = time.time()
        workers = []
        with open(out / "master.log", "wb") as log:
            master = CHILDREN.start(master_args, stdout=log, stderr=subprocess.STDOUT, env=self.env)
            try:
                for i in range(self.workers):
                    with open(out / f"worker-{i + 1}.log", "wb") as worker_log:
                        workers.append(CHILDREN.start(worker_args, stdout=worker_log, stderr=subprocess.STDOUT,
                                                      env=self.env))
                code, cpu = wait_with_cpu(master, self.run_time + 60)
            finally:
                for proc in [master] + workers:
                    CHILDREN.stop(proc)
        run = self.served(offset, started)
        run["exit"] = code
        run["master_cpu_s"] = cpu
        requests = aggregated_csv(out / "locust_stats.csv")
        if requests:
            run["locust_requests"], run["locust_rps"] = requests
        return self.checked(run, out, code == 0 and requests is not None)

    def wait(self, proc):
        try:
            return proc.wait(timeout=self.run_time + 90)
        except subprocess.TimeoutExpired:
            return None
        finally:
            CHILDREN.stop(proc)

    def served(self, offset, started):
        # Give nginx's last log lines a moment (the processes are gone, the writes are not always flushed yet).
        time.sleep(0.2)
        times = self.nginx.requests_since(offset)
        return {
            "nginx_requests": len(times),
            "nginx_rps": steady_rps(times),
            "nginx_total_rps": total_rps(times),
            "first_request_s": (min(times) - started) if times else None,
        }

    def checked(self, run, out, ok):
        if not ok or not run["nginx_requests"]:
            run["error"] = f"exit {run.get('exit')}, {run['nginx_requests']} requests served (logs in {out})"
            for key in ("nginx_rps", "first_request_s", "master_cpu_s", "locust_requests"):
                run[key] = None
        if self.verbose:
            shown = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in run.items()}
            print(f"  {out.name}: {shown}", file=sys.stderr, flush=True)
        return run


def wait_with_cpu(proc, timeout):
    """Waits for the process; returns (exit code, its CPU seconds: user + system) from the kernel's accounting
    at its exit (wait4), so the last moments of the run are counted too."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, usage.ru_utime + usage.ru_stime
        time.sleep(0.05)
    return None, None


def aggregated_csv(path):
    """(request count, RPS) of Locust's Aggregated row in its --csv stats file, or None."""
    try:
        with open(path, newline="") as file:
            for row in csv.DictReader(file):
                if row.get("Name") == "Aggregated":
                    return int(row["Request Count"]), float(row["Requests/s"])
    except (OSError, KeyError, ValueError):
        return None
    return None


def read_json(path):
    try:
        return json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return None


def one_round(runner, files, number, total):
    print(f"round {number}/{total}", file=sys.stderr, flush=True)
    return {
        "ours": runner.ours("ours", files["fast"], runner.workers),
        "plain": runner.plain("plain", files["fast"], with_reporter=False),
        "report": runner.plain("report", files["fast"], with_reporter=True),
        "http": runner.ours("http", files["http"], 1),
        "fast": runner.ours("fast", files["fast"], 1),
    }


def write_figures(out, figs, meta):
    out.mkdir(parents=True, exist_ok=True)
    for suffix, fig in figs.items():
        fig["detail"] += f"; {meta}"
        (out / f"figure-{suffix}.json").write_text(json.dumps(fig, ensure_ascii=False, indent=2) + "\n")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("target/bench"), help="where figure-<N>.json go")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3, about 6 min)")
    parser.add_argument("--run-time", type=int, default=15, help="seconds of load per run (default 15)")
    parser.add_argument("--users", type=int, default=50, help="users per run, no wait time (default 50)")
    parser.add_argument("--workers", type=int, default=2, help="workers for figures 1-3 (default 2)")
    parser.add_argument("--nginx", default="nginx", help="the nginx binary (default: nginx on PATH)")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder with every run's logs")
    parser.add_argument("-q", "--quiet", action="store_true", help="no per-run lines on stderr")
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    install_cleanup()
    venv_bin = Path(sys.executable).parent
    if not (venv_bin / "locust").exists():
        print(f"load_bench: no locust next to {sys.executable}; run it with the project venv (make venv)",
              file=sys.stderr)
        return 2
    if not (REPO / "cli/target/loadtest.jar").exists():
        print("load_bench: cli/target/loadtest.jar is missing; build it with make cli", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="load-bench-"))
    started = time.time()
    load_before = os.getloadavg()
    nginx = Nginx(folder / "nginx", args.nginx)
    try:
        nginx.start()
        files = write_locustfiles(folder)
        runner = Runner(nginx, folder, bench_env(venv_bin), args.users, args.run_time, args.workers,
                        not args.quiet)
        rounds = [one_round(runner, files, i + 1, args.rounds) for i in range(args.rounds)]
    finally:
        nginx.stop()
        CHILDREN.stop_all()
    meta = (f"{args.rounds} rounds × {args.run_time} s, {args.users} users, {time.strftime('%Y-%m-%d %H:%M', time.gmtime(started))} UTC,"
            f" {time.time() - started:.0f} s, load average {load_before[0]:.1f} before / {os.getloadavg()[0]:.1f} after")
    write_figures(args.out, figures(rounds, args.workers), meta)
    (args.out / "load-bench-runs.json").write_text(json.dumps(rounds, indent=1) + "\n")
    if not args.keep:
        subprocess.run(["rm", "-rf", str(folder)], check=False)
    else:
        print(f"load_bench: logs kept in {folder}", file=sys.stderr)
    print(f"load_bench: figures 1, 2, 3 and 8 written to {args.out} ({meta})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
