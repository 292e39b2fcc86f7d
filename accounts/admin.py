from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import User
from .services import account_delete


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = DjangoUserAdmin.fieldsets + (
        ("Samenredzaam", {"fields": ("display_name", "language")}),
    )
    list_display = ("username", "display_name", "email", "is_staff", "date_joined")

    # Deleting here goes through the same service as the person's own "Account
    # verwijderen", keeping their forum posts as "verwijderde gebruiker": a plain delete
    # would cascade through machina's Topic.poster and take other people's replies along.
    def delete_model(self, request, obj):
        account_delete(user=obj, keep_posts=True)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            account_delete(user=user, keep_posts=True)
