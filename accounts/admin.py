from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = DjangoUserAdmin.fieldsets + (
        ("Samenredzaam", {"fields": ("display_name", "language")}),
    )
    list_display = ("username", "display_name", "email", "is_staff", "date_joined")
