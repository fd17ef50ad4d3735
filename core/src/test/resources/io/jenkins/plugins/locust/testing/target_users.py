from locust import HttpUser, constant, task


class TargetUser(HttpUser):
    wait_time = constant(0.05)

    @task(2)
    def fast(self):
        self.client.get("/fast")

    @task(1)
    def slow(self):
        self.client.get("/slow")

    @task(1)
    def flaky(self):
        self.client.get("/flaky")
