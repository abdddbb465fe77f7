"""Product reviews API: almost everything here is the boring, correct way."""
import html
import json
import logging
import os
import secrets
import uuid

from django.conf import settings
from django.db import connection
from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.html import escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .models import Review
from .permissions import IsOwnerOrReadOnly
from .serializers import ReviewSerializer

log = logging.getLogger(__name__)
ATTACH_DIR = os.path.join(settings.MEDIA_ROOT, "review-attachments")
SORT_SQL = {"newest": "id DESC", "best": "rating DESC", "worst": "rating ASC"}


class ReviewViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = ReviewSerializer
    permission_classes = [IsOwnerOrReadOnly]

    def get_queryset(self):
        qs = Review.objects.select_related("product")
        product = self.request.query_params.get("product")
        if product:
            qs = qs.filter(product_id=int(product))  # safe: CWE-89 ORM and int()
        rating = self.request.query_params.get("rating")
        if rating:
            qs = qs.filter(rating__gte=rating)  # safe: CWE-89 ORM
        return qs

    def perform_create(self, serializer):
        review = serializer.save(author=self.request.user)
        log.info("review %s created for product %s", review.pk, review.product_id)  # safe: CWE-117 database ids

    @action(detail=False)
    def sorted(self, request):
        order = SORT_SQL.get(request.query_params.get("sort", "newest"), "id DESC")
        rows = Review.objects.raw(f"SELECT * FROM catalog_review ORDER BY {order} LIMIT 100")  # safe: CWE-89 constant map
        return Response(ReviewSerializer(rows, many=True).data)

    @action(detail=False)
    def by_author(self, request):
        name = request.query_params.get("author", "")
        rows = Review.objects.raw("SELECT r.* FROM catalog_review r JOIN auth_user u ON u.id = r.author_id WHERE u.username = %s", [name])  # safe: CWE-89 params
        return Response(ReviewSerializer(rows, many=True).data)

    @action(detail=False)
    def histogram(self, request):
        product = int(request.query_params.get("product", "0"))
        with connection.cursor() as cur:
            cur.execute("SELECT rating, count(*) FROM catalog_review WHERE product_id = %s GROUP BY rating", [product])  # safe: CWE-89 params
            data = dict(cur.fetchall())
        return Response(data)

    @action(detail=True)
    def snippet(self, request, pk=None):
        review = self.get_object()
        hl = request.query_params.get("hl", "")
        body = escape(review.body)
        if hl:
            body = body.replace(escape(hl), format_html("<mark>{}</mark>", hl))
        return HttpResponse(body)  # safe: CWE-79 escaped body and escaped highlight

    @action(detail=True)
    def card(self, request, pk=None):
        review = self.get_object()
        theme = request.query_params.get("theme", "light")
        return HttpResponse(format_html('<div class="card card-{}">{}</div>', theme, review.body))  # safe: CWE-79 format_html

    @action(detail=True)
    def quote(self, request, pk=None):
        who = html.escape(request.query_params.get("who", "someone"))
        return HttpResponse("<blockquote>%s said it</blockquote>" % who)  # safe: CWE-79 html.escape

    @action(detail=True)
    def share(self, request, pk=None):
        back = request.query_params.get("back", "/")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = "/"
        return redirect(back)  # safe: CWE-601 checked

    @action(detail=True)
    def permalink(self, request, pk=None):
        return redirect(f"/reviews/{int(pk)}/")  # safe: CWE-601 constant prefix

    @action(detail=True)
    def attachment(self, request, pk=None):
        review = self.get_object()
        name = os.path.basename(request.query_params.get("name", ""))
        return FileResponse(open(os.path.join(ATTACH_DIR, str(review.pk), name), "rb"))  # safe: CWE-22 basename

    @action(detail=True, methods=["post"])
    def attach(self, request, pk=None):
        review = self.get_object()
        upload = request.FILES["file"]
        stored = f"{uuid.uuid4().hex}{os.path.splitext(upload.name)[1][:8].lower()}"
        dest_dir = os.path.join(ATTACH_DIR, str(review.pk))
        os.makedirs(dest_dir, mode=0o750, exist_ok=True)  # safe: CWE-732
        with open(os.path.join(dest_dir, os.path.basename(stored)), "wb") as fh:  # safe: CWE-22 server-chosen name
            for chunk in upload.chunks():
                fh.write(chunk)
        return Response({"stored": stored})

    @action(detail=True)
    def export(self, request, pk=None):
        review = self.get_object()
        resp = JsonResponse({"id": review.pk, "rating": review.rating, "body": review.body})  # safe: CWE-79 JSON
        resp["Content-Disposition"] = f'attachment; filename="review-{review.pk}.json"'  # safe: CWE-113 database id
        return resp

    @action(detail=False, methods=["post"])
    def report_abuse(self, request):
        reason = request.data.get("reason", "")
        log.warning("abuse report: %s", json.dumps(reason))  # safe: CWE-117 json.dumps
        ticket = secrets.token_hex(8)  # safe: CWE-330 secrets
        return Response({"ticket": ticket})

    @action(detail=False, methods=["post"])
    def subscribe(self, request):
        resp = Response({"ok": True})
        resp.set_cookie("review_digest", "weekly", secure=True, httponly=True, samesite="Lax")  # safe: CWE-614, CWE-1004
        request.session["digest"] = "weekly"  # safe: CWE-501 constant
        return resp
