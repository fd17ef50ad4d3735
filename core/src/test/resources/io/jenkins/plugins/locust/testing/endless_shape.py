from locust import HttpUser, LoadTestShape, constant, task


class TargetUser(HttpUser):
    wait_time = constant(0.1)

    @task
    def fast(self):
        self.client.get("/fast")


class TwoUsersForEver(LoadTestShape):
    """Never returns None: only the load test's run time can end it."""

    def tick(self):
        return (2, 2)
