"""Parley's own URLs plus the bench-only baseline (see bench/baseline.py)."""

from django.urls import include, path

from config.urls import handler404, handler500, urlpatterns as parley_urlpatterns  # noqa: F401

urlpatterns = [
    *parley_urlpatterns,
    path("bench/baseline/", include("bench.baseline_urls")),
]
