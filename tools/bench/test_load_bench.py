"""Unit tests of load_bench.py's pure parts and of its cleanup; they never run a benchmark (make test runs them).

Run: python3 -m unittest discover -s tools/bench
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_bench as lb  # noqa: E402


class AccessLogTest(unittest.TestCase):
    def test_parses_msec_lines_and_skips_partial_or_foreign_ones(self):
        text = "1700000000.123\n1700000000.500\n\n127.0.0.1 - - [x]\n1700000001.0"
        self.assertEqual([1700000000.123, 1700000000.5, 1700000001.0], lb.parse_access_log(text))

    def test_steady_rps_cuts_ramp_up_and_stop(self):
        # 10 s at 100 req/s, with a slow first and last second that the window must leave out.
        steady = [1000 + 1 + i / 100 for i in range(800)]
        edges = [1000.0, 1000.5, 1009.5, 1010.0]
        self.assertAlmostEqual(100.0, lb.steady_rps(steady + edges, trim=2.0), delta=1.0)

    def test_short_run_trims_a_quarter_each_side(self):
        times = [i / 10 for i in range(41)]  # 4 s at 10 req/s: trim 1 s each side, not 2
        self.assertAlmostEqual(10.0, lb.steady_rps(times, trim=2.0), delta=0.6)

    def test_too_few_requests_give_none(self):
        self.assertIsNone(lb.steady_rps([]))
        self.assertIsNone(lb.steady_rps([5.0]))
        self.assertIsNone(lb.total_rps([5.0, 5.0]))

    def test_total_rps(self):
        self.assertAlmostEqual(3.0, lb.total_rps([10.0, 10.5, 11.0]))


class StatisticsTest(unittest.TestCase):
    def test_median_and_spread_skip_failed_runs(self):
        value, spread = lb.median_spread([1.0, None, 3.0, 2.0], "s")
        self.assertEqual(2.0, value)
        self.assertEqual("1–3 s over 3 runs", spread)

    def test_no_measured_run(self):
        self.assertEqual((None, "no successful run"), lb.median_spread([None, None]))

    def test_ratios_and_differences_pair_rounds(self):
        self.assertEqual([0.5, None, None], lb.ratios([1.0, None, 2.0], [2.0, 1.0, 0]))
        self.assertEqual([1.0, None], lb.differences([3.0, None], [2.0, 1.0]))

    def test_met_is_null_without_a_value(self):
        self.assertIsNone(lb.met(None, lambda v: v >= 0.97))
        self.assertTrue(lb.met(0.97, lambda v: v >= 0.97))
        self.assertFalse(lb.met(0.96, lambda v: v >= 0.97))

    def test_cpu_per_thousand(self):
        self.assertAlmostEqual(0.5, lb.cpu_per_thousand(2.0, 4000))
        self.assertIsNone(lb.cpu_per_thousand(None, 4000))
        self.assertIsNone(lb.cpu_per_thousand(2.0, 0))


def run(nginx_rps, first=None, cpu=None, requests=None, error=None):
    return {"nginx_rps": nginx_rps, "first_request_s": first, "master_cpu_s": cpu, "locust_requests": requests,
            "locust_rps": nginx_rps, "worker_cpu": 90.0, "error": error}


class FiguresTest(unittest.TestCase):
    def rounds(self):
        return [
            {"ours": run(970, 3.0), "plain": run(1000, 1.5, 2.0, 10000), "report": run(1000, 1.5, 2.1, 10000),
             "http": run(900), "fast": run(3000)},
            {"ours": run(900, 3.5), "plain": run(1000, 1.5, 2.0, 10000), "report": run(1000, 1.5, 2.0, 10000),
             "http": run(1000), "fast": run(3200)},
            {"ours": run(None, None, error="exit 2"), "plain": run(1000, 2.0, 2.0, 10000),
             "report": run(1000, 1.5, 2.2, 10000), "http": run(1100), "fast": run(3100)},
        ]

    def test_every_figure_has_the_table_fields(self):
        figs = lb.figures(self.rounds(), workers=2)
        self.assertEqual({"1", "2", "3", "8-httpuser", "8-fasthttpuser"}, set(figs))
        for fig in figs.values():
            self.assertEqual({"figure", "name", "value", "unit", "spread", "runs", "goal", "met", "detail"}, set(fig))
            self.assertEqual(3, fig["runs"])

    def test_efficiency_is_the_median_of_paired_ratios_and_judged(self):
        fig = lb.figures(self.rounds(), workers=2)["1"]
        self.assertAlmostEqual(0.935, fig["value"])  # median of 0.97 and 0.90; round 3 failed
        self.assertFalse(fig["met"])
        self.assertIn("round 3 ours: exit 2", fig["detail"])

    def test_start_overhead_is_ours_minus_plain(self):
        fig = lb.figures(self.rounds(), workers=2)["2"]
        self.assertAlmostEqual(1.75, fig["value"])
        self.assertFalse(fig["met"])

    def test_reporter_cost_is_a_cpu_per_request_ratio(self):
        fig = lb.figures(self.rounds(), workers=2)["3"]
        self.assertAlmostEqual(1.05, fig["value"])
        self.assertTrue(fig["met"])

    def test_ceiling_is_reported_without_a_pass_mark(self):
        figs = lb.figures(self.rounds(), workers=2)
        self.assertEqual(3100, figs["8-fasthttpuser"]["value"])
        self.assertEqual(1000, figs["8-httpuser"]["value"])
        self.assertIsNone(figs["8-httpuser"]["met"])
        self.assertIn("~4k", figs["8-httpuser"]["goal"])

    def test_all_runs_failed_gives_no_value_and_no_verdict(self):
        failed = [{k: run(None, error="boom") for k in ("ours", "plain", "report", "http", "fast")}]
        fig = lb.figures(failed, workers=2)["1"]
        self.assertIsNone(fig["value"])
        self.assertIsNone(fig["met"])

    def test_locust_stats_csv(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, "locust_stats.csv")
            path.write_text("Type,Name,Request Count,Failure Count,Requests/s\nGET,/static.txt,120,0,12.0\n"
                            ",Aggregated,120,0,12.0\n")
            self.assertEqual((120, 12.0), lb.aggregated_csv(path))
            self.assertIsNone(lb.aggregated_csv(Path(folder, "missing.csv")))


class CleanupTest(unittest.TestCase):
    def test_stop_all_ends_every_process_of_every_group(self):
        children = lb.Children()
        # A shell with a background grandchild that ignores SIGTERM: only SIGKILL to the group ends it.
        proc = children.start(["sh", "-c", "trap '' TERM; sleep 60 & sleep 60"])
        time.sleep(0.3)
        self.assertTrue(lb.group_alive(proc.pid))
        started = time.monotonic()
        children.stop_all()
        self.assertFalse(lb.group_alive(proc.pid))
        self.assertEqual([], children.procs)
        self.assertLess(time.monotonic() - started, 10)

    def test_a_killed_bench_leaves_nothing(self):
        """The bench's own SIGTERM handler runs the cleanup: a child of a child that was running is gone."""
        script = ("import sys, time; sys.path.insert(0, %r); import load_bench as lb; lb.install_cleanup();"
                  " p = lb.CHILDREN.start(['sleep', '60']); print(p.pid, flush=True); time.sleep(60)"
                  % str(Path(lb.__file__).parent))
        bench = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        child = int(bench.stdout.readline())
        bench.terminate()
        bench.wait(timeout=15)
        bench.stdout.close()
        self.assertFalse(lb.group_alive(child))

    @unittest.skipUnless(shutil.which("nginx"), "nginx is not installed")
    def test_nginx_serves_logs_and_stops(self):
        with tempfile.TemporaryDirectory() as folder:
            nginx = lb.Nginx(folder).start()
            try:
                offset = nginx.log_offset()
                body = urllib.request.urlopen(nginx.url + "/" + lb.STATIC_FILE, timeout=5).read()
                self.assertEqual(lb.STATIC_BYTES, len(body))
                time.sleep(0.1)
                self.assertEqual(1, len(nginx.requests_since(offset)))
            finally:
                nginx.stop()
            self.assertFalse(lb.group_alive(nginx.proc.pid))
            self.assertFalse(os.path.exists(f"/proc/{nginx.proc.pid}"))


if __name__ == "__main__":
    unittest.main()
