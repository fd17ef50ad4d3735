from locust import HttpUser, LoadTestShape, constant, task


class TargetUser(HttpUser):
    wait_time = constant(0.05)

    @task
    def fast(self):
        self.client.get("/fast")


class ThreeUsersForFiveSeconds(LoadTestShape):
    def tick(self):
        return (3, 3) if self.get_run_time() < 5 else None
