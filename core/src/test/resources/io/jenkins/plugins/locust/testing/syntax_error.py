from locust import HttpUser, task


class BrokenUser(HttpUser):
    @task
    def index(self):
        self.client.get("/" +)
