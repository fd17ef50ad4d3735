"""A shopper for the demo shop (examples/target/DemoTarget.java).

Run it through the load test tool, not with plain `locust`:
    bin/loadtest run examples/locustfile.py --users 20 --slaves 2 --run-time 30s --host http://127.0.0.1:PORT
"""

from locust import HttpUser, between, task


class Shopper(HttpUser):
    # Think time between actions, as a real shopper would pause.
    wait_time = between(0.5, 1.5)

    def on_start(self):
        self.client.get("/")

    @task(5)
    def browse_products(self):
        self.client.get("/api/products")

    @task(3)
    def view_cart(self):
        self.client.get("/api/cart")

    @task(2)
    def add_to_cart(self):
        self.client.post("/api/cart", json={"product": 1, "quantity": 1})

    @task(1)
    def checkout(self):
        # The demo shop's payment step fails one time in twenty: it shows up as a failure in the report.
        with self.client.post("/api/checkout", json={"pay": "card"}, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"checkout failed with HTTP {response.status_code}")
