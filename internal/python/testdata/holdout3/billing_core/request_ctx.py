"""Per-request view of the invoice search parameters.

Repositories receive an InvoiceQuery instead of the Flask request so that
they can be reused from batch jobs.
"""

STATUSES = ("draft", "open", "paid", "void")
SORT_COLUMNS = {"due": "due_date", "amount": "total_cents", "customer": "customer_name"}


class InvoiceQuery:
    """Captures the query string once, in __init__."""

    def __init__(self, req):
        self.customer = req.args.get("customer", "")
        self.status = req.args.get("status", "open")
        self.limit = int(req.args.get("limit", "50"))
        self._sort = req.args.get("sort", "due")
        self.region = "emea"

    @property
    def order_column(self):
        return SORT_COLUMNS.get(self._sort, "due_date")

    @property
    def raw_sort(self):
        return self._sort

    def checked_status(self):
        if self.status not in STATUSES:
            raise ValueError("unknown status")
        return self.status
