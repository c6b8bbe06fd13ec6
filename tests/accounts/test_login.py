"""Username + password login through allauth's headless API, then the REST API."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_app_login_gives_a_session_token_the_api_accepts(reader, article):
    app = APIClient()
    response = app.post(
        "/_allauth/app/v1/auth/login",
        {"username": "reader", "password": "pw-for-tests"},
        format="json",
    )
    assert response.status_code == 200, response.content
    token = response.json()["meta"]["session_token"]
    app.credentials(HTTP_X_SESSION_TOKEN=token)
    assert app.get("/api/v1/me/").json()["id"] == reader.pk
    posted = app.post("/api/v1/articles/summit/comments/", {"body": "From the app"}, format="json")
    assert posted.status_code == 201


def test_bad_password_and_forged_token(reader):
    app = APIClient()
    response = app.post(
        "/_allauth/app/v1/auth/login", {"username": "reader", "password": "nope"}, format="json"
    )
    assert response.status_code == 400
    app.credentials(HTTP_X_SESSION_TOKEN="forged-token")
    assert app.get("/api/v1/me/").status_code == 401


def test_browser_session_enforces_csrf(reader, article):
    browser = Client(enforce_csrf_checks=True)
    config = browser.get("/_allauth/browser/v1/config")
    assert config.status_code == 200
    csrf = browser.cookies["csrftoken"].value
    login = browser.post(
        "/_allauth/browser/v1/auth/login",
        {"username": "reader", "password": "pw-for-tests"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=csrf,
    )
    assert login.status_code == 200, login.content
    assert browser.get("/api/v1/me/").json()["id"] == reader.pk

    url = "/api/v1/articles/summit/comments/"
    refused = browser.post(url, {"body": "no token"}, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "csrf_failed"
    csrf = browser.cookies["csrftoken"].value
    accepted = browser.post(
        url, {"body": "with token"}, content_type="application/json", HTTP_X_CSRFTOKEN=csrf
    )
    assert accepted.status_code == 201
