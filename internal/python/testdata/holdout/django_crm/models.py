from django.conf import settings
from django.db import models


class Customer(models.Model):
    ref = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=200)
    email = models.EmailField()
    region = models.CharField(max_length=8)
    tag = models.CharField(max_length=40, blank=True)


class Note(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    body = models.TextField()
    archived = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)
