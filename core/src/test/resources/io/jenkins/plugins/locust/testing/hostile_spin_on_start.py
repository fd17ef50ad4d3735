"""Hostile: on_start never returns and never yields to gevent, so the worker stops answering its master."""

from locust import HttpUser, constant, task


class SpinningUser(HttpUser):
    wait_time = constant(0.05)

    def on_start(self):
        while True:
            pass

    @task
    def fast(self):
        self.client.get("/fast")
