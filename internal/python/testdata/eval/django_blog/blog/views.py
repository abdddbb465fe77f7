"""Function-based views of the blog."""
import html
import logging
import os

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils.html import escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from . import queries

logger = logging.getLogger(__name__)


def search(request):
    author = request.GET.get("author", "")
    posts = queries.posts_by_author(author)
    return render(request, "blog/search.html", {"posts": posts, "author": author})  # safe: CWE-79 autoescaped template


def search_safe(request):
    author = request.GET.get("author", "")
    return render(request, "blog/search.html", {"posts": queries.posts_by_author_safe(author)})


def tagged(request, tag):
    return render(request, "blog/list.html", {"posts": queries.posts_with_tag(tag)})


def tagged_safe(request, tag):
    return render(request, "blog/list.html", {"posts": queries.posts_with_tag_safe(tag)})


def popular(request):
    weight = request.GET.get("w", "1")
    return render(request, "blog/list.html", {"posts": queries.ranked(weight)})


def popular_safe(request):
    return render(request, "blog/list.html", {"posts": queries.ranked_safe(request.GET.get("w", "1"))})


def preview(request):
    body = request.POST.get("body", "")
    return HttpResponse(f"<div class='preview'>{body}</div>")  # expect: CWE-79


def preview_escaped(request):
    body = request.POST.get("body", "")
    return HttpResponse(f"<div class='preview'>{escape(body)}</div>")  # safe: CWE-79 escaped


def preview_text(request):
    body = request.POST.get("body", "")
    return HttpResponse(body, content_type="text/plain")  # safe: CWE-79 text/plain


def comment_card(request):
    comment = request.POST["comment"]
    return render(request, "blog/card.html", {"comment": mark_safe(comment)})  # expect: CWE-79


def comment_card_safe(request):
    comment = request.POST["comment"]
    return render(request, "blog/card.html", {"comment": mark_safe(html.escape(comment))})  # safe: CWE-79 escaped first


def signature(request):
    sig = request.GET.get("sig", "")
    return render(request, "blog/card.html", {"sig": format_html("<em>{}</em>", sig)})  # safe: CWE-79 format_html escapes


def go(request):
    return redirect(request.GET.get("next", "/"))  # expect: CWE-601


def go_safe(request):
    nxt = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        nxt = "/"
    return redirect(nxt)  # safe: CWE-601 url_has_allowed_host_and_scheme


def return_to(request):
    return HttpResponseRedirect(request.POST["return_to"])  # expect: CWE-601


def to_post(request):
    post_id = int(request.GET["id"])
    return redirect(f"/posts/{post_id}/")  # safe: CWE-601 local path with int


def download(request):
    name = request.GET["file"]
    return FileResponse(open(os.path.join(settings.MEDIA_ROOT, name), "rb"))  # expect: CWE-22


def download_safe(request):
    name = os.path.basename(request.GET["file"])
    return FileResponse(open(os.path.join(settings.MEDIA_ROOT, name), "rb"))  # safe: CWE-22 basename


def attachment(request):
    root = os.path.realpath(settings.MEDIA_ROOT)
    path = os.path.realpath(os.path.join(root, request.GET["file"]))
    if os.path.commonpath([root, path]) != root:
        raise Http404("no such file")
    return FileResponse(open(path, "rb"))  # safe: CWE-22 realpath + commonpath


@csrf_exempt  # expect: CWE-352
@require_POST
def update_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"ok": True})


@csrf_protect  # safe: CWE-352
@require_POST
def update_bio(request):
    request.user.profile.bio = request.POST["bio"]
    request.user.profile.save()
    return JsonResponse({"ok": True})


@require_POST
def switch_role(request):
    request.session["role"] = request.POST["role"]  # expect: CWE-501
    return JsonResponse({"ok": True})


@require_POST
def set_language(request):
    lang = request.POST.get("lang", "en")
    if lang in {"en", "de", "fr"}:
        request.session["lang"] = lang  # safe: CWE-501 allow-listed
    return JsonResponse({"ok": True})


def moderate(request, pk):
    assert request.user.is_staff  # expect: CWE-617
    queries.Post.objects.filter(pk=pk).delete()
    return JsonResponse({"deleted": pk})


def unsubscribe(request):
    email = request.GET.get("email", "")
    logger.info("unsubscribe request for %s" % email)  # expect: CWE-117
    logger.info("unsubscribe request received")
    return JsonResponse({"ok": True})
