from django.urls import path

from . import views

app_name = "nearby"

urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("voorstellen/", views.initiative_suggest, name="suggest"),
    path("<str:pk>/", views.initiative_detail, name="detail"),
]
