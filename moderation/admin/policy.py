"""Django admin for the moderation app: read-mostly, writes go through services."""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages

from config.errors import DomainError

from .. import policy as policy_service
from ..models import PolicyVersion, ScreeningRecord


class PolicyVersionCreateForm(forms.ModelForm):
    changes = forms.JSONField(
        initial=dict,
        help_text="The fields to change in a copy of the active version, e.g. "
        '{"moderation_mode": "pre", "suspect_terms": ["..."]}. See the README.',
    )

    class Meta:
        model = PolicyVersion
        fields = ["note"]

    def clean(self):
        cleaned = super().clean()
        changes = cleaned.get("changes")
        if not isinstance(changes, dict):
            raise forms.ValidationError({"changes": "Give a JSON object of fields to change."})
        unknown = sorted(
            set(changes) - set(policy_service.FIELDS) - set(policy_service.engine_fields())
        )
        if unknown:
            raise forms.ValidationError({"changes": f"Unknown policy fields: {', '.join(unknown)}"})
        try:
            policy_service.policy_validate({**policy_service.get_active_policy().data, **changes})
        except DomainError as exc:
            lines = [f"{k}: {' '.join(v)}" for k, v in (exc.fields or {}).items()]
            raise forms.ValidationError({"changes": lines or [exc.message]}) from None
        return cleaned


@admin.register(PolicyVersion)
class PolicyVersionAdmin(admin.ModelAdmin):
    list_display = ["version", "active", "note", "created_by", "created_at", "activated_at"]
    list_filter = ["active"]
    ordering = ["-version"]
    actions = ["activate"]
    readonly_fields = [
        "version",
        "active",
        "note",
        "created_by",
        "created_at",
        "activated_at",
        "activated_by",
        "policy",
    ]
    exclude = ["data"]

    def has_add_permission(self, request):
        return bool(getattr(request.user, "is_policy_admin", False))

    def has_change_permission(self, request, obj=None):
        return False  # versions are immutable: change = a new version

    def has_view_permission(self, request, obj=None):
        return bool(getattr(request.user, "is_moderator", False))

    def has_delete_permission(self, request, obj=None):
        return False

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = PolicyVersionCreateForm
            kwargs["fields"] = ["note", "changes"]
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def get_exclude(self, request, obj=None):
        return ["data"] if obj is not None else ["data", "version", "active"]

    @admin.display(description="Policy")
    def policy(self, obj):
        from django.utils.html import format_html

        text = json.dumps(obj.data, indent=2, ensure_ascii=False)
        return format_html("<pre style='max-height:40em;overflow:auto'>{}</pre>", text)

    def save_model(self, request, obj, form, change):
        created = policy_service.policy_version_create(
            actor=request.user,
            changes=form.cleaned_data["changes"],
            note=form.cleaned_data.get("note") or "",
        )
        obj.pk, obj.version, obj.data = created.pk, created.version, created.data

    @admin.action(description="Activate the selected version (re-screens the pending queue)")
    def activate(self, request, queryset):
        versions = list(queryset.values_list("version", flat=True))
        if len(versions) != 1:
            self.message_user(request, "Select exactly one version.", messages.ERROR)
            return
        try:
            policy_service.policy_version_activate(actor=request.user, version=versions[0])
        except DomainError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return
        self.message_user(request, f"Policy v{versions[0]} is now active.", messages.SUCCESS)


@admin.register(ScreeningRecord)
class ScreeningRecordAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "comment",
        "revision",
        "event",
        "policy_version",
        "action",
        "status",
        "rule_names",
        "created_at",
    ]
    list_filter = ["event", "action", "status", "policy_version"]
    search_fields = ["comment__id"]
    list_select_related = ["comment"]
    raw_id_fields = ["comment"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return bool(getattr(request.user, "is_moderator", False))

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="Rules")
    def rule_names(self, obj):
        return ", ".join(obj.rules)
