from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt  # want: PP506
def webhook(request):
    return JsonResponse({"ok": True})


def normal(request):
    return JsonResponse({"ok": True})  # safe: protected by the middleware


@method_decorator(csrf_exempt, name="dispatch")  # want: PP506
class Hook(View):
    def post(self, request):
        return JsonResponse({"ok": True})
