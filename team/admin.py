"""Admins set up teams (which workers, which leads). Links, plans and the access log are
the client's business and are deliberately not browsable here."""

from django.contrib import admin

from .models import Team


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name",)
    search_fields = ("name",)
    filter_horizontal = ("members", "leads")
