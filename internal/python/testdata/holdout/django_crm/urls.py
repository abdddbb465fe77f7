from django.urls import path

from . import api, views, views_cbv

urlpatterns = [
    path("customers/search/", views.customer_search),
    path("customers/by-email/", views.customer_by_email),
    path("customers/<int:customer_id>/notes/", views.notes_since),
    path("customers/<str:customer_ref>/card/", views.customer_card),
    path("customers/<str:ref>/timeline/", views_cbv.CustomerTimelineView.as_view()),
    path("notes/<int:note_id>/delete/", views.delete_note),
    path("exports/download/", views_cbv.ExportDownloadView.as_view()),
    path("exports/download/v2/", views_cbv.SafeExportDownloadView.as_view()),
    path("api/customers/pattern/", api.CustomerSearchAPI.as_view()),
]
