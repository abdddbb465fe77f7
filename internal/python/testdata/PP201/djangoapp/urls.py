from django.urls import path, re_path

from . import views

urlpatterns = [
    path("tickets/<uuid:ticket_id>/", views.TicketView.as_view()),
    path("notes/<int:note_id>/", views.note_detail),
    path("notes/by-slug/<slug:slug>/", views.note_by_slug),
    re_path(r"^orders/(?P<order_id>\d+)/$", views.order_detail),
]
