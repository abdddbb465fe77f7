from django.db import models


class Post(models.Model):
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=100)
    body = models.TextField()
    tags = models.CharField(max_length=200, blank=True)
    likes = models.IntegerField(default=0)
    year = models.IntegerField()
    month = models.IntegerField()


class Comment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE)
    body = models.TextField()
    author_email = models.EmailField()
