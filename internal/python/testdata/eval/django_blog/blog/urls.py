from django.urls import path

from . import admin_tools, cbv, feeds, views

urlpatterns = [
    path("search/", views.search),
    path("search/safe/", views.search_safe),
    path("tag/<str:tag>/", views.tagged),
    path("tag/<str:tag>/safe/", views.tagged_safe),
    path("popular/", views.popular),
    path("preview/", views.preview),
    path("go/", views.go),
    path("download/", views.download),
    path("email/", views.update_email),
    path("moderate/<int:pk>/", views.moderate),
    path("archive/<str:year>/", cbv.ArchiveView.as_view()),
    path("archive/<str:year>/safe/", cbv.ArchiveSafeView.as_view()),
    path("title/<str:slug>/", cbv.TitleView.as_view()),
    path("posts/<int:post_id>/like/", cbv.LikeView.as_view()),
    path("widget/", feeds.widget),
    path("tools/reindex/", admin_tools.reindex),
]
