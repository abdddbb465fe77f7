"""Function views kept for the old storefront pages and partner callbacks."""
import csv
import io
import json
import logging

from django.http import HttpResponse, JsonResponse

from .models import Product

log = logging.getLogger(__name__)
CURRENCIES = {"EUR", "USD", "GBP"}


def _price_csv(currency):
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "name", f"price_{currency.lower()}"])
    for p in Product.objects.only("id", "name", "price"):
        writer.writerow([p.id, p.name, p.price])
    return buf.getvalue()


def stock_callback(request):
    payload = json.loads(request.body)  # safe: CWE-502 json
    updated = 0
    for line in payload.get("lines", []):
        updated += Product.objects.filter(pk=int(line["id"])).update(brand=str(line.get("brand", "")))
    return JsonResponse({"updated": updated})


def price_list(request):
    currency = request.GET.get("currency", "EUR")
    if currency not in CURRENCIES:
        currency = "EUR"
    resp = HttpResponse(_price_csv(currency), content_type="text/csv")
    resp["Content-Disposition"] = f'attachment; filename="prices-{currency}.csv"'  # safe: CWE-113 allow-listed value
    return resp


def price_export(request):
    name = request.GET.get("name", "prices")
    resp = HttpResponse(_price_csv("EUR"), content_type="text/csv")
    resp["Content-Disposition"] = f'attachment; filename="{name}.csv"'  # expect: CWE-113
    return resp


def price_export_plain(request):
    resp = HttpResponse(_price_csv("EUR"), content_type="text/csv")
    resp["Content-Disposition"] = 'attachment; filename="prices.csv"'  # safe: CWE-113 constant
    resp["X-Row-Count"] = str(Product.objects.count())  # safe: CWE-113 server value
    return resp
