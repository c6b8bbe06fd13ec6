"""Connecting a second provider, disconnecting, and never merging accounts by e-mail."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.test import Client

from accounts.models import User

from .conftest import FB_APP_ID, FB_SECRET, me, query, start_redirect
from .test_social_facebook import fb_browser_login
from .test_social_x import x_login

pytestmark = pytest.mark.django_db

PROVIDERS_URL = "/_allauth/browser/v1/account/providers"


def test_signed_in_reader_connects_facebook_then_signs_in_with_either(providers, fake, browser):
    x_login(browser, fake)
    reader = User.objects.get()
    done = fb_browser_login(browser, fake, process="connect")
    assert done.status_code == 302 and "error" not in done["Location"]
    assert User.objects.count() == 1
    assert {a["provider"] for a in me(browser)["social_accounts"]} == {
        "twitter_oauth2",
        "facebook",
    }

    other = Client()
    fb_browser_login(other, fake)
    assert me(other)["id"] == reader.pk


def test_disconnect_one_provider_but_not_the_last(providers, fake, browser):
    x_login(browser, fake)
    fb_browser_login(browser, fake, process="connect")
    listed = browser.get(PROVIDERS_URL).json()["data"]
    assert {a["provider"]["id"] for a in listed} == {"twitter_oauth2", "facebook"}

    removed = browser.delete(
        PROVIDERS_URL, {"provider": "facebook", "account": "10158"}, content_type="application/json"
    )
    assert removed.status_code == 200, removed.content
    assert [a["provider"]["id"] for a in removed.json()["data"]] == ["twitter_oauth2"]

    last = browser.delete(
        PROVIDERS_URL,
        {"provider": "twitter_oauth2", "account": "2244994945"},
        content_type="application/json",
    )
    assert last.status_code == 400
    assert last.json()["errors"][0]["code"] == "no_password"
    assert SocialAccount.objects.filter(provider="twitter_oauth2").exists()


def test_facebook_account_of_someone_else_cannot_be_connected(providers, fake, browser):
    owner = Client()
    fb_browser_login(owner, fake)
    x_login(browser, fake)
    done = fb_browser_login(browser, fake, process="connect")
    assert query(done["Location"])["error"] == "connected_other"
    assert SocialAccount.objects.get(provider="facebook").user_id == me(owner)["id"]


def test_same_email_from_two_providers_never_merges(providers, fake, make_user):
    # A local account that claims the address the Facebook user reports.
    victim = make_user("victim", email="seojun@example.kr")
    EmailAddress.objects.create(user=victim, email="seojun@example.kr", verified=True, primary=True)
    browser = Client()
    fb_browser_login(browser, fake)  # Facebook reports seojun@example.kr, unverified
    newcomer = me(browser)
    assert newcomer["id"] != victim.pk
    assert not SocialAccount.objects.filter(user=victim).exists()
    assert User.objects.get(pk=newcomer["id"]).email == ""


def trust_facebook_emails(settings):
    fb = dict(settings.SOCIALACCOUNT_PROVIDERS["facebook"])
    fb["VERIFIED_EMAIL"] = True
    settings.SOCIALACCOUNT_PROVIDERS = {**settings.SOCIALACCOUNT_PROVIDERS, "facebook": fb}


def test_verified_email_on_both_sides_auto_connects(providers, settings, fake, make_user):
    trust_facebook_emails(settings)  # a publisher's choice: Facebook marks addresses verified
    owner = make_user("owner", email="seojun@example.kr")
    EmailAddress.objects.create(user=owner, email="seojun@example.kr", verified=True, primary=True)
    browser = Client()
    fb_browser_login(browser, fake)
    assert me(browser)["id"] == owner.pk
    assert SocialAccount.objects.get().user == owner


def test_verified_by_provider_but_unverified_locally_does_not_connect(
    providers, settings, fake, make_user
):
    trust_facebook_emails(settings)
    squatter = make_user("squatter", email="seojun@example.kr")
    EmailAddress.objects.create(
        user=squatter, email="seojun@example.kr", verified=False, primary=True
    )
    browser = Client()
    fb_browser_login(browser, fake)
    assert me(browser)["id"] != squatter.pk
    assert not SocialAccount.objects.filter(user=squatter).exists()


# --- which providers are offered ----------------------------------------------------------


def provider_ids(client) -> list[str]:
    config = client.get("/_allauth/browser/v1/config").json()["data"]
    return sorted(p["id"] for p in config["socialaccount"]["providers"])


def test_config_lists_exactly_the_configured_providers(settings):
    from config.social import providers_from_env

    client = Client()
    settings.SOCIALACCOUNT_PROVIDERS = providers_from_env({})
    assert provider_ids(client) == []

    settings.SOCIALACCOUNT_PROVIDERS = providers_from_env(
        {"PARLEY_FACEBOOK_APP_ID": FB_APP_ID, "PARLEY_FACEBOOK_APP_SECRET": FB_SECRET}
    )
    assert provider_ids(client) == ["facebook"]

    # An id without its secret is not a configured provider.
    settings.SOCIALACCOUNT_PROVIDERS = providers_from_env(
        {
            "PARLEY_X_CLIENT_ID": "x-client-id",
            "PARLEY_TWITTER_CONSUMER_KEY": "k",
            "PARLEY_TWITTER_CONSUMER_SECRET": "s",
        }
    )
    assert provider_ids(client) == ["twitter"]
    app = Client()
    assert app.get("/_allauth/app/v1/config").status_code == 200


def test_unconfigured_provider_cannot_be_started(settings, fake):
    from config.social import providers_from_env

    settings.SOCIALACCOUNT_PROVIDERS = providers_from_env({})
    response = Client().post(
        "/_allauth/browser/v1/auth/provider/redirect",
        {"provider": "twitter_oauth2", "callback_url": "/done", "process": "login"},
    )
    assert response.status_code == 401  # allauth's "unknown provider" failure, no redirect
    assert fake.calls == []


def test_admin_social_application_also_counts(settings):
    from allauth.socialaccount.models import SocialApp

    from config.social import providers_from_env

    settings.SOCIALACCOUNT_PROVIDERS = providers_from_env({})
    SocialApp.objects.create(provider="twitter_oauth2", name="X", client_id="id", secret="s")
    assert provider_ids(Client()) == ["twitter_oauth2"]


def test_x_redirect_url_carries_our_callback(providers, browser):
    location = start_redirect(browser, "twitter_oauth2")
    assert query(location)["redirect_uri"] == (
        "http://testserver/accounts/twitter_oauth2/login/callback/"
    )
    assert query(location)["client_id"] == "x-client-id"
