from django.db import connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View

from .models import Order


class TicketView(View):
    def get(self, request, ticket_id):
        with connection.cursor() as cur:
            cur.execute("SELECT body FROM ticket WHERE id = '%s'" % ticket_id)  # safe look-alike: urls.py converts ticket_id to a UUID
        return JsonResponse({})


def note_detail(request, note_id):
    with connection.cursor() as cur:
        cur.execute(f"SELECT body FROM note WHERE id = {note_id}")  # safe look-alike: <int:note_id>
    return JsonResponse({})


def note_by_slug(request, slug):
    with connection.cursor() as cur:
        cur.execute(f"SELECT body FROM note WHERE slug = '{slug}'")  # want: PP201
    return JsonResponse({})


def order_detail(request, order_id):
    order = get_object_or_404(Order, pk=order_id)
    with connection.cursor() as cur:
        cur.execute(f"SELECT sum(total) FROM orders WHERE customer_id = {order.customer_id}")  # safe look-alike: a key from the database
        cur.execute(f"SELECT id FROM orders WHERE note = '{request.GET['note']}'")  # want: PP201
    return JsonResponse({})
