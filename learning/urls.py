from django.urls import path

from . import views

urlpatterns = [
    path("mijn-voortgang/", views.my_progress, name="my_progress"),
]
