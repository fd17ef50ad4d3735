import csv
import os


def product_ids():
    with open(os.path.join(os.path.dirname(__file__), "..", "data", "products.csv")) as f:
        return [row["id"] for row in csv.DictReader(f)]
