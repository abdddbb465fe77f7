"""Hand-written queries the ORM could not express at the time."""
from django.db import connection
from django.db.models.expressions import RawSQL

from .models import Post


def posts_by_author(author):
    return Post.objects.raw(f"SELECT * FROM blog_post WHERE author = '{author}'")  # expect: CWE-89


def posts_by_author_safe(author):
    return Post.objects.raw("SELECT * FROM blog_post WHERE author = %s", [author])  # safe: CWE-89 params


def posts_with_tag(tag):
    return Post.objects.extra(where=["tags LIKE '%%" + tag + "%%'"])  # expect: CWE-89


def posts_with_tag_safe(tag):
    return Post.objects.extra(where=["tags LIKE %s"], params=[f"%{tag}%"])  # safe: CWE-89 params


def ranked(weight):
    return Post.objects.annotate(score=RawSQL("likes * %s" % weight, []))  # expect: CWE-89


def ranked_safe(weight):
    return Post.objects.annotate(score=RawSQL("likes * %s", (weight,)))  # safe: CWE-89 params


def archive_counts(year):
    with connection.cursor() as cur:
        cur.execute("SELECT month, COUNT(*) FROM blog_post WHERE year = " + year + " GROUP BY month")  # expect: CWE-89
        return cur.fetchall()


def archive_counts_safe(year):
    with connection.cursor() as cur:
        cur.execute("SELECT month, COUNT(*) FROM blog_post WHERE year = %d GROUP BY month" % int(year))  # safe: CWE-89 int()
        return cur.fetchall()


def comment_count(post_id):
    with connection.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM blog_comment WHERE post_id = %s", [post_id])  # safe: CWE-89
        return cur.fetchone()[0]


def table_sizes():
    sizes = {}
    with connection.cursor() as cur:
        for table in ("blog_post", "blog_comment", "auth_user"):
            cur.execute(f"SELECT COUNT(*) FROM {table}")  # safe: CWE-89 loop over constants
            sizes[table] = cur.fetchone()[0]
    return sizes
