from django.urls import path

from . import views

urlpatterns = [
    # Before allauth's URLs (website/urls.py), under allauth's name.
    path("signup/", views.signup, name="account_signup"),
    path("profiel/", views.profile, name="account_profile"),
    path("mijn-gegevens/", views.export, name="account_export"),
    path("verwijderen/", views.delete, name="account_delete"),
]
