"""Django admin for moderators: read-mostly; every write goes through the services.

* Moderation queue: held, reported and appealed comments, with approve /
  reject actions (reject takes a reason code from the action bar).
* Decisions, audit log: read-only.
* Sanctions: add through ``sanction_create``, lift through ``sanction_lift``.
* Appeals: grant or deny through ``decision_apply``.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db.models import Exists, OuterRef, Q
from django.utils.html import format_html, format_html_join

from comments.models import Comment, Report
from config.errors import DomainError

from ..access import reason_labels
from ..decisions import decision_apply
from ..models import Appeal, AuditLog, Decision, QueuedComment, Sanction
from ..queue import queue_items, queue_of, reasons_by_comment
from ..sanctions import sanction_create, sanction_lift


def _reason_choices():
    try:
        return [("", "(reason)")] + sorted(reason_labels().items())
    except Exception:  # noqa: BLE001 - no database yet (e.g. during migrate)
        return [("", "(reason)")]


class DecisionActionForm(ActionForm):
    reason_code = forms.ChoiceField(choices=_reason_choices, required=False)


class ModeratorAdminMixin:
    """Visible to moderators (and admins); nothing is edited in place."""

    def has_module_permission(self, request):
        return getattr(request.user, "is_moderator", False)

    def has_view_permission(self, request, obj=None):
        return getattr(request.user, "is_moderator", False)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _decide_many(modeladmin, request, queryset, action: str, from_field="status"):
    reason = request.POST.get("reason_code", "")
    done = 0
    for comment in queryset:
        try:
            decision_apply(
                moderator=request.user,
                comment_id=comment.pk,
                action=action,
                reason_code=reason,
                from_status=getattr(comment, from_field),
            )
            done += 1
        except DomainError as error:
            modeladmin.message_user(
                request, f"Comment {comment.pk}: {error.message}", level=messages.WARNING
            )
    if done:
        modeladmin.message_user(request, f"{action.capitalize()}d {done} comment(s).")


def _highlight(text: str, reasons: list[dict]):
    """``text`` with every rule hit's span wrapped in <mark>, everything escaped."""
    spans = sorted(tuple(r["span"]) for r in reasons if r.get("type") == "rule" and r.get("span"))
    pieces, at = [], 0
    for start, end in spans:
        if start < at or end > len(text):
            continue  # overlapping or stale span: leave the text as it is there
        pieces.append(format_html("{}<mark>{}</mark>", text[at:start], text[start:end]))
        at = end
    pieces.append(format_html("{}", text[at:]))
    return format_html_join("", "{}", ((piece,) for piece in pieces))


@admin.register(QueuedComment)
class QueueAdmin(ModeratorAdminMixin, admin.ModelAdmin):
    action_form = DecisionActionForm
    actions = ["approve", "reject"]
    list_display = ("id", "status", "article", "author", "short_body", "why", "created_at")
    list_filter = ("status", "article")
    search_fields = ("body", "author__username", "author__display_name")
    readonly_fields = ["why_here", *[f.name for f in Comment._meta.fields]]
    list_select_related = ("article", "author")

    def get_changelist_instance(self, request):
        # The reasons of a whole page in three queries, not three per row.
        changelist = super().get_changelist_instance(request)
        rows = list(changelist.result_list)
        reasons = reasons_by_comment([row.pk for row in rows])
        for row in rows:
            row.queue_reasons = reasons.get(row.pk)
        changelist.result_list = rows
        return changelist

    @admin.display(description="why it is here")
    def why(self, obj):
        reasons = getattr(obj, "queue_reasons", None) or {}
        parts = [
            format_html("{} “{}”", hit.get("code", ""), hit.get("matched", ""))
            for hit in reasons.get("hits", [])
        ]
        reports = reasons.get("reports")
        if reports:
            parts.extend(
                format_html("reported {} ×{}", group["reason"], group["count"])
                for group in reports["groups"].values()
            )
        if reasons.get("appeal") is not None:
            parts.append(format_html("appealed: “{}”", reasons["appeal"][:80]))
        return format_html_join("", "<div>{}</div>", ((part,) for part in parts)) or "-"

    @admin.display(description="why it is here")
    def why_here(self, obj):
        """The queue item as the API shows it: highlighted spans, reports, appeal, author."""
        queue = queue_of(obj) or "pending"
        item = queue_items(
            [QueuedComment.objects.select_related("author", "article").get(pk=obj.pk)], queue=queue
        )[0]
        lines = [format_html("<p><b>Queue:</b> {}</p>", queue)]
        lines.append(format_html("<p>{}</p>", _highlight(obj.body, item["reasons"])))
        for reason in item["reasons"]:
            kind = reason.get("type")
            if kind == "rule":
                lines.append(
                    format_html(
                        "<p>Rule <b>{}</b> ({}): “{}”, policy v{}</p>",
                        reason.get("rule", ""),
                        reason.get("code", ""),
                        reason.get("matched", ""),
                        reason.get("policy_version", ""),
                    )
                )
            elif kind == "report":
                lines.append(
                    format_html(
                        "<p>Reported <b>{}</b>: {} report(s), weight {}</p>",
                        reason.get("reason", ""),
                        reason.get("count", 0),
                        reason.get("weight", 0),
                    )
                )
            elif kind == "appeal":
                lines.append(format_html("<p>Appeal: “{}”</p>", reason.get("message", "")))
            else:
                lines.append(format_html("<p>{}</p>", kind))
        record = item["author"]["record"]
        lines.append(
            format_html(
                "<p>Author {}: {} published, {} pending, {} rejected</p>",
                item["author"]["display_name"],
                record.get("published", 0),
                record.get("pending", 0),
                record.get("rejected", 0),
            )
        )
        return format_html_join("", "{}", ((line,) for line in lines))

    def get_queryset(self, request):
        open_reports = Report.objects.filter(comment=OuterRef("pk"), status=Report.Status.OPEN)
        open_appeal = Appeal.objects.filter(comment=OuterRef("pk"), status=Appeal.Status.OPEN)
        return (
            super()
            .get_queryset(request)
            .filter(
                Q(status=Comment.Status.PENDING)
                | Q(Exists(open_reports), status=Comment.Status.PUBLISHED)
                | Q(Exists(open_appeal))
            )
            .order_by("status_changed_at", "id")
        )

    @admin.display(description="body")
    def short_body(self, obj):
        return obj.body[:80]

    @admin.action(description="Approve selected comments")
    def approve(self, request, queryset):
        _decide_many(self, request, queryset, "approve")

    @admin.action(description="Reject selected comments (choose a reason)")
    def reject(self, request, queryset):
        _decide_many(self, request, queryset, "reject")


@admin.register(Decision)
class DecisionAdmin(ModeratorAdminMixin, admin.ModelAdmin):
    list_display = (
        "id",
        "comment",
        "action",
        "reason_code",
        "from_status",
        "to_status",
        "source",
        "moderator",
        "policy_version",
        "created_at",
    )
    list_filter = ("action", "source", "reason_code")
    search_fields = ("comment__id", "moderator__username", "note")
    date_hierarchy = "created_at"


@admin.register(AuditLog)
class AuditLogAdmin(ModeratorAdminMixin, admin.ModelAdmin):
    list_display = (
        "created_at",
        "actor_label",
        "action",
        "target_type",
        "target_id",
        "reason_code",
        "policy_version",
    )
    list_filter = ("action", "target_type")
    search_fields = ("actor_label", "target_id", "note")
    date_hierarchy = "created_at"


@admin.register(Appeal)
class AppealAdmin(ModeratorAdminMixin, admin.ModelAdmin):
    action_form = DecisionActionForm
    actions = ["grant", "deny"]
    list_display = ("id", "comment", "author", "status", "created_at", "decided_at")
    list_filter = ("status",)

    @admin.action(description="Grant: publish the comment again")
    def grant(self, request, queryset):
        comments = Comment.objects.filter(pk__in=queryset.values("comment_id"))
        _decide_many(self, request, comments, "approve")

    @admin.action(description="Deny: the rejection stands (choose a reason)")
    def deny(self, request, queryset):
        comments = Comment.objects.filter(pk__in=queryset.values("comment_id"))
        _decide_many(self, request, comments, "reject")


class SanctionAddForm(forms.ModelForm):
    """Creating a sanction in the admin runs ``sanction_create`` while the form validates
    (the admin's add view is one transaction), so its rules show up as form errors."""

    reason_code = forms.ChoiceField(choices=_reason_choices)
    actor = None  # set per request by SanctionAdmin.get_form

    class Meta:
        model = Sanction
        fields = ("user", "kind", "until", "reason_code", "note")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            self.created = sanction_create(
                actor=self.actor,
                user_id=data["user"].pk,
                kind=data["kind"],
                until=data.get("until"),
                reason_code=data["reason_code"],
                note=data.get("note", ""),
            )
        except DomainError as error:
            for field, problems in (error.fields or {}).items():
                if field in self.fields:
                    self.add_error(field, problems)
            if not error.fields or not set(error.fields) & set(self.fields):
                raise forms.ValidationError(error.message) from error
        return data


@admin.register(Sanction)
class SanctionAdmin(ModeratorAdminMixin, admin.ModelAdmin):
    actions = ["lift"]
    list_display = ("id", "user", "kind", "until", "reason_code", "created_by", "lifted_at")
    list_filter = ("kind",)
    search_fields = ("user__username", "user__display_name")
    raw_id_fields = ("user",)

    def has_add_permission(self, request):
        return getattr(request.user, "is_moderator", False)

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = type("SanctionAddForm", (SanctionAddForm,), {"actor": request.user})
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        created = getattr(form, "created", None)
        if change or created is None:  # pragma: no cover - change permission is off
            return
        obj.pk = created.pk  # written (and audited) by sanction_create in form.clean()
        obj._state.adding = False

    @admin.action(description="Lift selected sanctions")
    def lift(self, request, queryset):
        for sanction in queryset:
            sanction_lift(actor=request.user, user_id=sanction.user_id, sanction_id=sanction.pk)
        self.message_user(request, f"Lifted {queryset.count()} sanction(s).")
