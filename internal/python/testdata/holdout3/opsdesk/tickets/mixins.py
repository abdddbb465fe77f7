"""Reusable pieces for the ticket list views.

Subclasses choose the query-string parameter and may override clean_term().
"""


class FilterMixin:
    filter_param = "q"

    def get_search_term(self):
        return self.request.GET.get(self.filter_param, "")

    def clean_term(self, term):
        return term


class PriorityFilterMixin(FilterMixin):
    filter_param = "priority"

    def clean_term(self, term):
        try:
            return int(term or 0)
        except ValueError:
            return 0


class OwnerFilterMixin(FilterMixin):
    filter_param = "owner"

    def clean_term(self, term):
        # Strips spaces only: everything else reaches the caller.
        return term.strip()
