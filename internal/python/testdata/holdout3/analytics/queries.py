"""Metric queries shared by the analytics views."""
from django.db import connection

METRICS = {"signups", "logins", "orders", "refunds"}
GRANULARITY = {"day": "day", "week": "week", "month": "month"}


class MetricQuery:
    def __init__(self, metric, granularity="day"):
        self.metric = metric
        self.granularity = granularity

    def series_sql(self):
        bucket = GRANULARITY.get(self.granularity, "day")
        return f"SELECT date_trunc('{bucket}', ts) AS b, sum(value) FROM metrics WHERE name = %s GROUP BY b ORDER BY b"

    def run(self):
        with connection.cursor() as cur:
            cur.execute(self.series_sql(), [self.metric])  # safe: CWE-89 bucket from a constant map, metric as a parameter
            return cur.fetchall()


class LegacyMetricQuery(MetricQuery):
    def series_sql(self):
        return "SELECT date_trunc('%s', ts) AS b, sum(value) FROM metrics WHERE name = '%s' GROUP BY b" % (self.granularity, self.metric)

    def run(self):
        with connection.cursor() as cur:
            cur.execute(self.series_sql())  # expect: CWE-89 overridden series_sql formats both values
            return cur.fetchall()
