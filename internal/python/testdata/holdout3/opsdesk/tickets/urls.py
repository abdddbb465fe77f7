from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from . import api, exports, views

urlpatterns = [
    path("", views.TicketSearchView.as_view()),
    path("priority/", views.PriorityTicketView.as_view()),
    path("owner/", views.OwnerTicketView.as_view()),
    path("owner/v2/", views.OwnerTicketViewV2.as_view()),
    path("scored/", views.ScoredTicketView.as_view()),
    path("scored/v2/", views.ScoredTicketViewV2.as_view()),
    path("preview/", api.preview),
    path("preview/v2/", api.preview_v2),
    path("meta/", api.ticket_meta),
    path("close/done/", api.after_close),
    path("reopen/done/", api.after_reopen),
    path("jump/<slug:slug>/", api.jump),
    path("inbound/", csrf_exempt(api.inbound_mail)),  # expect: CWE-352 csrf_exempt in the URLconf
    path("exports/", exports.download),
    path("exports/v2/", exports.download_v2),
    path("exports/delete/", exports.delete_export),
    path("exports/delete/v2/", exports.delete_export_v2),
]
