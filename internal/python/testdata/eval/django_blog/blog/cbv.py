"""Class-based views."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView

from . import queries


class PostSearchView(View):
    def get(self, request):
        q = request.GET.get("q", "")
        with connection.cursor() as cur:
            cur.execute("SELECT id, title FROM blog_post WHERE title LIKE '%%%s%%'" % q)  # expect: CWE-89
            rows = cur.fetchall()
        return JsonResponse({"results": rows})


class PostSearchSafeView(View):
    def get(self, request):
        q = request.GET.get("q", "")
        with connection.cursor() as cur:
            cur.execute("SELECT id, title FROM blog_post WHERE title LIKE %s", ["%" + q + "%"])  # safe: CWE-89 params
            rows = cur.fetchall()
        return JsonResponse({"results": rows})


class ArchiveView(TemplateView):
    template_name = "blog/archive.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["months"] = queries.archive_counts(self.kwargs["year"])
        return ctx


class ArchiveSafeView(TemplateView):
    template_name = "blog/archive.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["months"] = queries.archive_counts_safe(self.kwargs["year"])
        ctx["sizes"] = queries.table_sizes()
        return ctx


class TitleView(View):
    def get(self, request, slug):
        return HttpResponse("<h1>" + slug + "</h1>")  # expect: CWE-79


class CountView(View):
    def get(self, request, post_id):
        count = queries.comment_count(int(post_id))
        return HttpResponse(f"<span>{count} comments</span>")  # safe: CWE-79 integer from the database


@method_decorator(csrf_exempt, name="dispatch")  # expect: CWE-352
class LikeView(LoginRequiredMixin, View):
    def post(self, request, post_id):
        queries.Post.objects.filter(pk=post_id).update(likes=1)
        return JsonResponse({"ok": True})


class ProfileView(LoginRequiredMixin, View):
    def post(self, request):
        # Later views treat this as an address the user has proven they own.
        request.session["verified_email"] = request.POST["email"]  # expect: CWE-501
        return JsonResponse({"ok": True})
