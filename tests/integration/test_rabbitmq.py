"""Smoke test on RabbitMQ, the other broker production may use."""

from __future__ import annotations

import os

import pytest

from .adapters import FLAG, HOLD, release, runs
from .helpers import post, screened
from .support import unique_queue, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

AMQP_URL = os.environ.get("PARLEY_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672//")


@pytest.fixture
def amqp_url(require_broker) -> str:
    return require_broker(AMQP_URL)


def test_a_worker_on_rabbitmq_screens_and_survives_being_killed(
    amqp_url, start_worker, web_broker, client_for, reader, article
):
    queue = unique_queue("amqp")
    first = start_worker(broker=amqp_url, queue=queue)
    web_broker.use(amqp_url, queue)
    client = client_for(reader)

    plain = post(client, article, "Over RabbitMQ.")
    wait_for(screened(plain), what="screening over RabbitMQ", worker=first)

    held = post(client, article, f"Slow over RabbitMQ {HOLD} {FLAG}")
    wait_for(lambda: runs(held, "started") == 1, what="the task to start", worker=first)
    first.kill()
    release(held)
    # RabbitMQ requeues an unacknowledged message as soon as the connection drops.
    second = start_worker(broker=amqp_url, queue=queue)
    wait_for(screened(held), what="redelivery over RabbitMQ", worker=second)
    assert runs(held, "started") == 2
    assert runs(held, "finished") == 1
