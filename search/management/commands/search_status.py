"""``manage.py search_status``: documents per index and backend, the outbox backlog, and
the entries parked because they kept failing."""

from django.core.management.base import BaseCommand
from django.db.models import Min
from django.utils import timezone

from search.backends import SearchConfigurationError, SearchUnavailable, backends_to_index
from search.models import Kind, OutboxEntry

PARKED_SHOWN = 20


class Command(BaseCommand):
    help = "Show search document counts, the indexing outbox backlog and parked entries."

    def handle(self, *args, **options):
        for backend in backends_to_index():
            pending = OutboxEntry.objects.filter(
                **{f"{backend.name}_done_at__isnull": True}, parked_at__isnull=True
            )
            oldest = pending.aggregate(at=Min("created_at"))["at"]
            lag = f", oldest {timezone.now() - oldest} ago" if oldest else ""
            self.stdout.write(f"{backend.name}: outbox {pending.count()} pending{lag}")
            for kind in Kind:
                try:
                    count = backend.count(kind)
                except (SearchUnavailable, SearchConfigurationError) as error:
                    self.stdout.write(f"  {kind:9} unavailable: {error}")
                    continue
                note = (
                    " linked clients (read from the summaries)"
                    if (backend.name == "database" and kind == Kind.PROGRESS)
                    else " documents"
                )
                self.stdout.write(f"  {kind:9} {count:>9}{note}")
        parked = OutboxEntry.objects.filter(parked_at__isnull=False).order_by("pk")
        if parked_count := parked.count():
            self.stdout.write(
                f"outbox {parked_count} parked after failing by themselves, taken in by no "
                "backend (the log has each error with its traceback):"
            )
            for entry in parked[:PARKED_SHOWN]:
                self.stdout.write(
                    f"  {entry} failed {entry.failures} times, parked "
                    f"{entry.parked_at:%Y-%m-%d %H:%M}: {entry.last_error}"
                )
