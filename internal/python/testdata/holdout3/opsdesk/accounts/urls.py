from django.urls import path

from . import views

urlpatterns = [
    path("sso/callback/", views.sso_callback),
    path("email/", views.change_email),
    path("login/", views.start_login),
    path("login/form/", views.login_form),
    path("tz/", views.set_timezone),
    path("lookup/", views.lookup),
    path("groups/<str:group>/members/", views.group_members),
    path("users/<int:user_id>/purge/", views.purge_user),
]
