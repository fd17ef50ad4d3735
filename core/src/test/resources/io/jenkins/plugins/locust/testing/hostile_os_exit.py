"""Hostile: a user calls os._exit(3) in its task after 4 s of requests (one stats report in): the worker dies without a word."""

import os
import time

from locust import HttpUser, constant, task

STARTED = time.monotonic()


class VanishingUser(HttpUser):
    wait_time = constant(0.05)

    @task
    def fast_then_vanish(self):
        self.client.get("/fast")
        if time.monotonic() - STARTED > 4:
            os._exit(3)
