from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("", views.home, name="home"),
    path("nieuw/", views.person_add, name="add"),
    path("<int:pk>/", views.person_change, name="change"),
    path("<int:pk>/weghalen/", views.person_remove, name="remove"),
]
