from locust import FastHttpUser, task, tag

from helpers.common import product_ids


class Shopper(FastHttpUser):
    @tag("browse")
    @task(3)
    def products(self):
        for product in product_ids():
            self.client.get(f"/api/products/{product}", name="/api/products/[id]")

    @tag("buy")
    @task
    def checkout(self):
        self.client.post("/api/checkout", json={"items": [1, 2]})
