"""Screen a JSONL file of comments with the moderation engine, without saving anything.

    python manage.py moderation_dry_run --input FILE.jsonl --output OUT.jsonl [--version N]

Input lines: ``{"id": ..., "text": ...}``. Output lines:
``{"id", "action", "codes", "hits", "toxicity", "classifier"}``, where each hit names its rule,
reason code, matched term and span in the original text. A progress bar goes to
stderr. The verdict uses every automated text check: the in-request rules and
the batched toxicity score and Parley's classifier (``--no-toxicity``,
``--no-classifier`` to skip either model).
"""

from __future__ import annotations

import contextlib
import json
import sys

from django.core.management.base import BaseCommand, CommandError


def _load_policy(version: int | None) -> dict:
    """The policy snapshot to screen with: the active version, or stored version N."""
    from django.core.exceptions import ImproperlyConfigured
    from django.db import DatabaseError

    from moderation.models import PolicyVersion
    from moderation.policy import get_active_policy

    try:
        if version is None:
            return get_active_policy().data
        data = PolicyVersion.objects.filter(version=version).values_list("data", flat=True).first()
        known = list(PolicyVersion.objects.order_by("version").values_list("version", flat=True))
    except (DatabaseError, ImproperlyConfigured) as exc:
        raise CommandError(
            f"no policy store is reachable ({exc}); run `manage.py migrate`"
        ) from exc
    if data is None:
        raise CommandError(f"--version {version}: no such policy version (known: {known})")
    return data


class Command(BaseCommand):
    help = "Screen a JSONL file of {id, text} comments and write verdicts as JSONL."

    def create_parser(self, prog_name, subcommand, **kwargs):
        # Django's own --version (print Django's version) gives way to our policy --version.
        kwargs.setdefault("conflict_handler", "resolve")
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("--input", required=True, help="JSONL file of {id, text}")
        parser.add_argument("--output", required=True, help="JSONL file to write ('-' = stdout)")
        parser.add_argument(
            "--version",
            type=int,
            default=None,
            help="a stored policy version, active or not (default: the active version)",
        )
        parser.add_argument("--no-toxicity", action="store_true", help="skip the toxicity model")
        parser.add_argument("--no-classifier", action="store_true", help="skip Parley's classifier")
        parser.add_argument("--batch-size", type=int, default=256)

    def handle(self, *args, **opts):
        from moderation.engine.dryrun import screen_records

        policy = _load_policy(opts["version"])
        try:
            with open(opts["input"], encoding="utf-8") as f:
                records = []
                for n, line in enumerate(f, 1):
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise CommandError(f"{opts['input']}:{n}: invalid JSON ({exc})") from exc
                    if not isinstance(rec, dict) or "text" not in rec:
                        raise CommandError(f"{opts['input']}:{n}: expected an object with 'text'")
                    records.append(rec)
        except OSError as exc:
            raise CommandError(str(exc)) from exc

        counts: dict[str, int] = {}
        with contextlib.ExitStack() as stack:
            if opts["output"] == "-":
                out = sys.stdout
            else:
                out = stack.enter_context(open(opts["output"], "w", encoding="utf-8"))
            for result in screen_records(
                records,
                policy,
                version=opts["version"] or "default",
                toxicity=not opts["no_toxicity"],
                classifier=not opts["no_classifier"],
                batch_size=opts["batch_size"],
                total=len(records),
            ):
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
                counts[result["action"]] = counts.get(result["action"], 0) + 1
        summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
        self.stderr.write(f"screened {len(records)} comments: {summary}")
