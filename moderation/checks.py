"""System checks (``manage.py check``) for moderation settings read from the environment."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.checks import Warning as CheckWarning


def check_classifier_extra_data(app_configs=None, **kwargs):
    """``PARLEY_CLASSIFIER_EXTRA_DATA`` must name a folder; the classifier would otherwise
    train on the shipped data alone (and log an error in every worker)."""
    configured = os.environ.get("PARLEY_CLASSIFIER_EXTRA_DATA", "").strip()
    if configured and not Path(configured).is_dir():
        return [
            CheckWarning(
                f"PARLEY_CLASSIFIER_EXTRA_DATA={configured} is not a folder.",
                hint="Create it and put the moderation_export_training files in it, or unset it.",
                id="parley.W001",
            )
        ]
    return []
