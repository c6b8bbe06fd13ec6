"""Base classes for input serializers."""

from __future__ import annotations

from rest_framework import serializers


class StrictInputSerializer(serializers.Serializer):
    """Refuses fields it does not know, so a typo never passes silently."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})
        return super().to_internal_value(data)


class StrictCharField(serializers.CharField):
    """A string and nothing else: numbers, lists or objects are refused, not coerced.

    Trimming and length rules are left to the service, which owns the
    normalisation and its error codes.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        kwargs.setdefault("allow_blank", True)
        super().__init__(**kwargs)

    def run_validation(self, data=serializers.empty):
        # Skip CharField's own validators (null and surrogate characters): the
        # service refuses those with the stable code ``invalid_characters``.
        if data is serializers.empty:
            return super().run_validation(data)
        if data is None:
            if self.allow_null:
                return None
            self.fail("null")
        if not isinstance(data, str):
            self.fail("invalid")
        return data


class StrictIntegerField(serializers.IntegerField):
    """An integer JSON number; booleans and strings are refused."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)
