import logging
import uuid

from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import LoginView
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views import View
from django.views.generic import TemplateView, UpdateView

from .models import Ticket

log = logging.getLogger("portal.cbv")

THEMES = ("light", "dark", "contrast")


class ProfileView(LoginRequiredMixin, TemplateView):
    template_name = "portal/profile.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        theme = request.GET.get("theme")
        if theme in THEMES:
            response.set_cookie("theme", theme, max_age=365 * 86400, secure=True, httponly=True, samesite="Lax")  # safe: CWE-614, CWE-1004, CWE-20 allow-listed value, both flags
        response.set_cookie("last_profile_view", "1", max_age=3600)  # expect: CWE-614, CWE-1004 neither flag set
        return response


class ProfileUpdateView(LoginRequiredMixin, UpdateView):
    fields = ["first_name", "last_name", "email"]
    template_name = "portal/profile_form.html"
    success_url = "/profile/"

    def get_object(self, queryset=None):
        return self.request.user


class TicketView(LoginRequiredMixin, View):
    def get(self, request, ticket_id):
        with connection.cursor() as cur:
            cur.execute("SELECT subject, body FROM portal_ticket WHERE id = '%s'" % ticket_id)  # safe: CWE-89 <uuid:> converter yields a UUID
            row = cur.fetchone()
        return JsonResponse({"subject": row[0], "body": row[1]})

    def post(self, request, ticket_id):
        reply = request.POST.get("reply", "")
        ticket = Ticket.objects.get(pk=ticket_id, author=request.user)
        ticket.body += "\n\n" + reply
        ticket.save()
        log.info("ticket %s updated: %s", ticket_id, reply[:80])  # expect: CWE-117 truncation keeps line breaks
        return HttpResponse(f"<p>Reply saved for <b>{reply[:40]}</b></p>")  # expect: CWE-79 reply echoed into HTML


class TicketLookupView(LoginRequiredMixin, View):
    def get(self, request):
        raw = request.GET.get("id", "")
        try:
            ticket_id = uuid.UUID(raw)
        except ValueError:
            return JsonResponse({"error": "bad id"}, status=400)
        with connection.cursor() as cur:
            cur.execute(f"SELECT subject FROM portal_ticket WHERE id = '{ticket_id}'")  # safe: CWE-89 uuid.UUID conversion
            row = cur.fetchone()
        return JsonResponse({"subject": row[0] if row else None})


class PortalLoginView(LoginView):
    template_name = "portal/login.html"
    redirect_authenticated_user = True
