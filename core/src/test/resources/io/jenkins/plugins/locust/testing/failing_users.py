from locust import HttpUser, constant, task


class FailingUser(HttpUser):
    wait_time = constant(0.05)

    @task
    def fail(self):
        self.client.get("/fail")
