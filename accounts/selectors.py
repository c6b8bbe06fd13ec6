from __future__ import annotations

from typing import Any


def me_dict(user: Any) -> dict[str, Any]:
    return {
        "id": user.pk,
        "username": user.username,
        "display_name": user.public_name,
        "avatar_url": user.avatar_url,
        "roles": user.roles,
    }
