from django.db import models


class Contact(models.Model):
    name = models.CharField(max_length=120)
    email = models.EmailField()
    city = models.CharField(max_length=80)
    company = models.CharField(max_length=120)
