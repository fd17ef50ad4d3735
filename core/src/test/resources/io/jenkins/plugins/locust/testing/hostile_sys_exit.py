"""Hostile: every user calls sys.exit(3) in its task after 2 s of requests, which ends its worker process."""

import sys
import time

from locust import HttpUser, constant, task

STARTED = time.monotonic()


class ExitingUser(HttpUser):
    wait_time = constant(0.05)

    @task
    def fast_then_exit(self):
        self.client.get("/fast")
        if time.monotonic() - STARTED > 2:
            sys.exit(3)
