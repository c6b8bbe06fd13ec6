"""Settings for the benchmark server only: Parley's settings plus the baseline views.

``bench/run.py`` starts gunicorn with ``DJANGO_SETTINGS_MODULE=bench.settings``.
Everything else (database, cache, broker, DEBUG, rate limits) comes from the
environment exactly as in production; the only difference is the urlconf,
which adds the plain-DRF baseline under ``/bench/baseline/``. Production never
imports this module.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
