"""Moderation API under /api/v1/moderation/ (moderators and admins only)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
