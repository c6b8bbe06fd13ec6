"""Parley's own URLs plus the bench-only baseline (see bench/baseline.py)."""

from django.urls import include, path

from config.urls import handler404, handler500  # noqa: F401
from config.urls import urlpatterns as parley_urlpatterns

urlpatterns = [
    *parley_urlpatterns,
    path("bench/baseline/", include("bench.baseline_urls")),
]
