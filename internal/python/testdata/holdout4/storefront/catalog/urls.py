from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from rest_framework.routers import DefaultRouter

from . import legacy
from .views import ProductViewSet

router = DefaultRouter()
router.register("products", ProductViewSet)

urlpatterns = [
    path("", include(router.urls)),
    path("legacy/stock-callback/", csrf_exempt(legacy.stock_callback)),  # expect: CWE-352
    path("legacy/prices/", legacy.price_list),
    path("legacy/prices/export/", legacy.price_export),
    path("legacy/prices/plain/", legacy.price_export_plain),
]
