# Expected percentiles for random histograms, computed by Locust's own calculate_response_time_percentile.
import random
from locust.stats import calculate_response_time_percentile, bucket_response_time
random.seed(7)
out = []
for case in range(12):
    n = random.choice([1, 2, 3, 7, 10, 99, 100, 101, 1000, 4321])
    hist = {}
    for _ in range(n):
        t = random.choice([random.uniform(0, 120), random.lognormvariate(5, 1.2), random.uniform(900, 30000)])
        b = bucket_response_time(t)
        hist[b] = hist.get(b, 0) + 1
    total = sum(hist.values())
    ps = [0.5, 0.66, 0.75, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999, 0.9999, 1.0]
    vals = [calculate_response_time_percentile(hist, total, p) for p in ps]
    out.append(";".join(f"{k}:{v}" for k, v in sorted(hist.items())) + "|" + ",".join(map(str, vals)))
print("\n".join(out))
