"""Django REST framework responses are responses too."""
import logging

from rest_framework import viewsets
from rest_framework.decorators import action, api_view
from rest_framework.response import Response

log = logging.getLogger(__name__)


class IndexViewSet(viewsets.ViewSet):
    @action(detail=False, methods=["post"])
    def rebuild(self, request):
        try:
            rebuild_index()
        except Exception as exc:
            return Response({"error": str(exc)}, status=500)  # want: PP217
        return Response({"ok": True})

    @action(detail=False, methods=["post"])
    def rebuild_quiet(self, request):
        try:
            rebuild_index()
        except Exception:
            log.exception("rebuild failed")
            return Response({"error": "rebuild failed"}, status=500)  # safe: a fixed message
        return Response({"ok": True})


@api_view(["POST"])
def purge(request):
    try:
        purge_cache()
    except OSError as exc:
        return Response({"detail": repr(exc)}, status=500)  # want: PP217
    return Response(status=204)


def rebuild_index():
    pass


def purge_cache():
    pass
