"""Users whose only task is tagged 'checkout': a run with --tag browse filters every task away."""

from locust import HttpUser, constant, tag, task


class TaggedUser(HttpUser):
    wait_time = constant(0.05)

    @tag("checkout")
    @task
    def fast(self):
        self.client.get("/fast")
