"""Users that burn CPU between requests (but yield to gevent), so their one worker runs at about 100 % CPU."""

import time

from locust import HttpUser, constant, task


class BurningUser(HttpUser):
    wait_time = constant(0)

    @task
    def burn_then_fast(self):
        end = time.monotonic() + 0.2
        while time.monotonic() < end:
            pass
        self.client.get("/fast")
