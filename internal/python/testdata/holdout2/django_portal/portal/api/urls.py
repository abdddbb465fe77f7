from django.urls import path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("customers", views.CustomerViewSet, basename="customer")

urlpatterns = router.urls + [
    path("import/", views.ImportView.as_view()),
    path("config/", views.ConfigUploadView.as_view()),
    path("lookup/", views.LookupView.as_view()),
    path("proxy/", views.AvatarProxyView.as_view()),
]
