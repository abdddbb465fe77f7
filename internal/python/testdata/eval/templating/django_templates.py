"""Customer-editable e-mail templates (Django)."""
from django.http import HttpResponse, JsonResponse
from django.template import Context, Engine, Template
from django.template.loader import get_template


def preview_email(request):
    src = request.POST["template"]
    return HttpResponse(Template(src).render(Context({"customer": "Ada"})))  # expect: CWE-1336


def preview_email_engine(request):
    src = request.POST["template"]
    return HttpResponse(Engine.get_default().from_string(src).render(Context({})))  # expect: CWE-1336


def preview_saved(request):
    name = request.GET.get("name", "")
    body = Template("Dear {{ name }}, your order shipped.").render(Context({"name": name}))  # safe: CWE-1336, CWE-79 constant template, autoescaped
    return JsonResponse({"body": body})


def preview_file(request):
    tpl = get_template("emails/shipped.html")
    return HttpResponse(tpl.render({"name": request.GET.get("name", "")}))  # safe: CWE-1336, CWE-79 file template, autoescaped
