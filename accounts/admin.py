from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (
        ("Public profile", {"fields": ("display_name", "avatar_url", "deleted_at")}),
    )
    list_display = ("username", "display_name", "is_staff", "is_superuser", "date_joined")
    search_fields = ("username", "display_name", "email")
