"""The Celery app.

With ``CELERY_BROKER_URL`` set (Redis or RabbitMQ), tasks go to workers.
Without it, the embedded default runs tasks in-process (``task_always_eager``)
so the one-command demo needs no broker.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("parley")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
