"""Ticket list views built from the filter mixins."""
from django.db.models.expressions import RawSQL
from django.views.generic import ListView

from .mixins import FilterMixin, OwnerFilterMixin, PriorityFilterMixin
from .models import Ticket

SCORE_FIELDS = {"priority": "priority", "age": "extract(epoch from now() - created_at)"}


class TicketSearchView(FilterMixin, ListView):
    template_name = "tickets/list.html"

    def get_queryset(self):
        term = self.clean_term(self.get_search_term())
        return Ticket.objects.raw(f"SELECT * FROM tickets_ticket WHERE title ILIKE '%%{term}%%'")  # expect: CWE-89 base clean_term returns the term unchanged


class PriorityTicketView(PriorityFilterMixin, ListView):
    template_name = "tickets/list.html"

    def get_queryset(self):
        level = self.clean_term(self.get_search_term())
        return Ticket.objects.extra(where=[f"priority >= {level}"])  # safe: CWE-89 overridden clean_term returns an int


class OwnerTicketView(OwnerFilterMixin, ListView):
    template_name = "tickets/list.html"

    def get_queryset(self):
        owner = self.clean_term(self.get_search_term())
        return Ticket.objects.extra(where=["owner_id IN (SELECT id FROM auth_user WHERE username = '%s')" % owner])  # expect: CWE-89 strip() is not a sanitiser


class OwnerTicketViewV2(OwnerFilterMixin, ListView):
    template_name = "tickets/list.html"

    def get_queryset(self):
        owner = self.clean_term(self.get_search_term())
        return Ticket.objects.extra(where=["owner_id IN (SELECT id FROM auth_user WHERE username = %s)"], params=[owner])  # safe: CWE-89 params


class ScoredTicketView(ListView):
    template_name = "tickets/list.html"

    def get_queryset(self):
        field = self.request.GET.get("score", "priority")
        return Ticket.objects.annotate(score=RawSQL("coalesce(" + field + ", 0) * 2", ()))  # expect: CWE-89 RawSQL from the query string

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["score"] = self.request.GET.get("score", "priority")
        return ctx


class ScoredTicketViewV2(ListView):
    template_name = "tickets/list.html"

    def get_queryset(self):
        key = self.request.GET.get("score", "priority")
        expr = SCORE_FIELDS.get(key, "priority")
        weight = float(self.request.GET.get("weight", "1"))
        return Ticket.objects.annotate(score=RawSQL(f"coalesce({expr}, 0) * %s", (weight,)))  # safe: CWE-89 expression from a constant map, weight as a parameter
