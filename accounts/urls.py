from django.urls import path

from . import views

urlpatterns = [
    path("profiel/", views.profile, name="account_profile"),
    path("mijn-gegevens/", views.export, name="account_export"),
    path("verwijderen/", views.delete, name="account_delete"),
]
