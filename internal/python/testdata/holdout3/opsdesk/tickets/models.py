from django.db import models


class Ticket(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField()
    priority = models.IntegerField(default=3)
    tags = models.JSONField(default=list)
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    closed = models.BooleanField(default=False)

    class Meta:
        app_label = "tickets"
