"""Input validation for the moderation API (the services own the domain rules)."""

from __future__ import annotations

from rest_framework import serializers

from config.api.serializers import StrictCharField, StrictInputSerializer, StrictIntegerField


class DecisionInput(StrictInputSerializer):
    action = StrictCharField()
    from_status = StrictCharField()
    revision = StrictIntegerField(required=False, min_value=1)
    reason_code = StrictCharField(required=False)
    note = StrictCharField(required=False)


class BulkDecisionItemInput(StrictInputSerializer):
    comment_id = StrictIntegerField(min_value=1)
    from_status = StrictCharField()
    revision = StrictIntegerField(required=False, min_value=1)


class BulkDecisionInput(StrictInputSerializer):
    items = serializers.ListField(child=BulkDecisionItemInput(), min_length=1, allow_empty=False)
    action = StrictCharField()
    reason_code = StrictCharField(required=False)
    note = StrictCharField(required=False)


class SanctionInput(StrictInputSerializer):
    kind = StrictCharField()
    reason_code = StrictCharField()
    until = serializers.DateTimeField(required=False, allow_null=True)
    note = StrictCharField(required=False)


class AppealInput(StrictInputSerializer):
    message = StrictCharField()
