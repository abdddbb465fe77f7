from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

from portal import cbv, views
from portal.api import urls as api_urls

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include(api_urls)),
    path("search/", views.search, name="search"),
    path("orders/<int:order_id>/", views.order_detail, name="order-detail"),
    path("orders/export/", views.export_orders, name="orders-export"),
    path("documents/", views.document, name="document"),
    path("go/", views.outbound, name="outbound"),
    path("profile/", cbv.ProfileView.as_view(), name="profile"),
    path("profile/update/", csrf_exempt(cbv.ProfileUpdateView.as_view()), name="profile-update"),  # expect: CWE-352 session-authenticated form without CSRF
    path("tickets/<uuid:ticket_id>/", cbv.TicketView.as_view(), name="ticket"),
    path("login/", cbv.PortalLoginView.as_view(), name="login"),
    path("preferences/", views.preferences, name="preferences"),
]
