from django.urls import path

from . import views

urlpatterns = [
    path("profiel/", views.profile, name="account_profile"),
]
