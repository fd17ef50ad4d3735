"""Hostile: every task iteration makes one request, then raises: the flow under test never completes."""

from locust import HttpUser, constant, task


class RaisingUser(HttpUser):
    wait_time = constant(0.05)

    @task
    def fast_then_raise(self):
        self.client.get("/fast")
        raise ValueError("the response had no 'id' field")
