from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import JsonResponse

from .models import Article


def search(request):
    term = request.GET.get("q", "")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM blog_article WHERE title LIKE '%%" + term + "%%'")  # want: PP201
        rows = cursor.fetchall()
    return JsonResponse({"ids": [r[0] for r in rows]})


def search_safe(request):
    term = request.GET.get("q", "")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM blog_article WHERE title LIKE %s", ["%" + term + "%"])  # safe look-alike: parameterised
        rows = cursor.fetchall()
    return JsonResponse({"ids": [r[0] for r in rows]})


def by_author(request, author):
    qs = Article.objects.raw(f"SELECT * FROM blog_article WHERE author = '{author}'")  # want: PP201
    return JsonResponse({"n": len(list(qs))})


def by_author_safe(request, author):
    qs = Article.objects.raw("SELECT * FROM blog_article WHERE author = %s", [author])  # safe look-alike
    return JsonResponse({"n": len(list(qs))})


def ordered(request):
    col = request.GET["order"]
    qs = Article.objects.extra(where=["status = '%s'" % request.GET["status"]], order_by=[col])  # want: PP201
    return JsonResponse({"n": qs.count()})


def ordered_safe(request):
    qs = Article.objects.extra(where=["status = %s"], params=[request.GET["status"]])  # safe look-alike: params
    return JsonResponse({"n": qs.count()})


def annotated(request):
    bonus = request.GET.get("bonus")
    qs = Article.objects.annotate(score=RawSQL("views + %s" % bonus, ()))  # want: PP201
    return JsonResponse({"n": qs.count()})


def annotated_safe(request):
    bonus = request.GET.get("bonus")
    qs = Article.objects.annotate(score=RawSQL("views + %s", (bonus,)))  # safe look-alike: params
    return JsonResponse({"n": qs.count()})


def by_id(request, pk):
    with connection.cursor() as c:
        c.execute("DELETE FROM blog_article WHERE id = %d" % int(pk))  # safe: int()
    return JsonResponse({})


def keyword_query(request):
    with connection.cursor() as c:
        c.execute(sql="SELECT * FROM t WHERE x = '%s'" % request.GET["x"])  # known-miss: PP201 the SQL passed by keyword is not checked
    return JsonResponse({})
