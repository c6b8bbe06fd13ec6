"""Provider endpoints faked at the ``requests.Session`` level, the way allauth's own tests do.

Every HTTP call allauth makes goes through ``requests.Session.request``; the
fake answers from a route table keyed by method and URL (query string
ignored), records each call, and fails the test on any URL it does not know:
no test ever reaches the network.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from unittest import mock
from urllib.parse import urlsplit, urlunsplit

import requests

X_TOKEN_URL = "https://api.x.com/2/oauth2/token"
X_ME_URL = "https://api.x.com/2/users/me"
TW_REQUEST_TOKEN_URL = "https://api.x.com/oauth/request_token"
TW_ACCESS_TOKEN_URL = "https://api.x.com/oauth/access_token"
TW_VERIFY_URL = "https://api.x.com/1.1/account/verify_credentials.json"
FB_GRAPH = "https://graph.facebook.com/v19.0"
FB_ACCESS_TOKEN_URL = f"{FB_GRAPH}/oauth/access_token"
FB_DEBUG_TOKEN_URL = f"{FB_GRAPH}/debug_token"
FB_ME_URL = f"{FB_GRAPH}/me"


def response(status: int = 200, body: Any = None, *, text: str | None = None) -> requests.Response:
    resp = requests.Response()
    resp.status_code = status
    if text is not None:
        resp._content = text.encode()
        resp.headers["Content-Type"] = "application/x-www-form-urlencoded"
    else:
        resp._content = json.dumps(body).encode()
        resp.headers["Content-Type"] = "application/json"
    resp.encoding = "utf-8"
    return resp


@dataclass
class Call:
    method: str
    url: str
    params: dict[str, Any]
    data: Any
    headers: dict[str, Any]


@dataclass
class FakeProviders:
    routes: dict[tuple[str, str], Callable[[Call], requests.Response] | requests.Response] = field(
        default_factory=dict
    )
    calls: list[Call] = field(default_factory=list)

    def on(self, method: str, url: str, answer) -> None:
        self.routes[(method.upper(), url)] = answer

    def called(self, url: str) -> list[Call]:
        return [c for c in self.calls if c.url == url]

    def _request(self, session, method, url, params=None, data=None, headers=None, **kwargs):
        parts = urlsplit(url)
        base = urlunsplit(parts._replace(query="", fragment=""))
        call = Call(method.upper(), base, dict(params or {}), data, dict(headers or {}))
        self.calls.append(call)
        answer = self.routes.get((call.method, base))
        if answer is None:
            raise AssertionError(f"unexpected HTTP call in a test: {method} {url}")
        resp = answer(call) if callable(answer) else answer
        resp.url = url
        if resp.status_code >= 400:
            resp.reason = "error"
        return resp

    def __enter__(self):
        fake = self

        def request(session, method, url, *args, **kwargs):
            return fake._request(session, method, url, **kwargs)

        self._patch = mock.patch.object(requests.Session, "request", request)
        self._patch.start()
        return self

    def __exit__(self, *exc):
        self._patch.stop()


# --- the providers' real response shapes -----------------------------------------------


def x_token(access_token: str = "x-access-token") -> requests.Response:
    return response(
        200,
        {
            "token_type": "bearer",
            "expires_in": 7200,
            "access_token": access_token,
            "scope": "users.read tweet.read",
            "refresh_token": "x-refresh-token-secret",
        },
    )


def x_me(uid: str = "2244994945", name: str = "Kim Minji", username: str = "minji_k"):
    return response(
        200,
        {
            "data": {
                "id": uid,
                "name": name,
                "username": username,
                "verified": False,
                "profile_image_url": f"https://pbs.twimg.com/profile_images/{uid}/a_normal.jpg",
                "created_at": "2013-12-14T04:35:55.000Z",
            }
        },
    )


def tw_request_token() -> requests.Response:
    return response(
        200,
        text="oauth_token=tw-request-token&oauth_token_secret=tw-request-secret"
        "&oauth_callback_confirmed=true",
    )


def tw_access_token(uid: str = "783214") -> requests.Response:
    return response(
        200,
        text=f"oauth_token={uid}-tw-access-token&oauth_token_secret=tw-access-secret"
        f"&user_id={uid}&screen_name=parley_reader",
    )


def tw_verify(uid: str = "783214", name: str = "Park Jisoo") -> requests.Response:
    return response(
        200,
        {
            "id": int(uid),
            "id_str": uid,
            "name": name,
            "screen_name": "parley_reader",
            "location": "Seoul",
            "profile_image_url": f"http://pbs.twimg.com/profile_images/{uid}/b_normal.png",
            "profile_image_url_https": f"https://pbs.twimg.com/profile_images/{uid}/b_normal.png",
            "followers_count": 12,
            "created_at": "Wed May 23 06:01:13 +0000 2007",
        },
    )


def fb_user_token(access_token: str = "fb-user-token") -> requests.Response:
    return response(
        200, {"access_token": access_token, "token_type": "bearer", "expires_in": 5183944}
    )


def fb_app_token(app_id: str, secret: str) -> requests.Response:
    return response(200, {"access_token": f"{app_id}|{secret}", "token_type": "bearer"})


def fb_debug_token(
    *, app_id: str, user_id: str = "10158", valid: bool = True, expired: bool = False
) -> requests.Response:
    data: dict[str, Any] = {
        "app_id": app_id,
        "type": "USER",
        "application": "Parley",
        "data_access_expires_at": 1798761600,
        "expires_at": 1700000000 if expired else 1798761600,
        "is_valid": valid and not expired,
        "scopes": ["email", "public_profile"],
        "user_id": user_id,
    }
    if expired:
        data["error"] = {
            "code": 190,
            "message": "Error validating access token: Session has expired on Tuesday.",
            "subcode": 463,
        }
    return response(200, {"data": data})


def fb_me(
    uid: str = "10158", name: str = "Lee Seojun", email: str | None = "seojun@example.kr"
) -> requests.Response:
    body: dict[str, Any] = {
        "id": uid,
        "name": name,
        "picture": {
            "data": {
                "height": 50,
                "is_silhouette": False,
                "url": f"https://platform-lookaside.fbsbx.com/platform/profilepic/?asid={uid}",
                "width": 50,
            }
        },
    }
    if email:
        body["email"] = email
    return response(200, body)
