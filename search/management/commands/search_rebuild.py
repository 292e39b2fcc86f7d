"""``manage.py search_rebuild [--kind page|post|progress] [--backend database|elasticsearch]``:
index everything afresh; each index is swapped in whole, so searches keep working."""

from django.core.management.base import BaseCommand, CommandError

from search.backends import SearchConfigurationError, SearchUnavailable, backends_to_index
from search.models import Kind
from search.services import search_rebuild


class Command(BaseCommand):
    help = "Rebuild the search indexes from the database without downtime."

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", choices=list(Kind.values))
        parser.add_argument("--backend", choices=["database", "elasticsearch"])

    def handle(self, *args, kind=None, backend=None, **options):
        backends = [b for b in backends_to_index() if backend in (None, b.name)]
        if not backends:
            raise CommandError(f"Backend {backend!r} is not configured here.")
        try:
            counts = search_rebuild(kinds=kind, backends=backends)
        except (SearchUnavailable, SearchConfigurationError) as error:
            raise CommandError(str(error)) from error
        for (name, indexed_kind), count in counts.items():
            self.stdout.write(f"{name:14} {indexed_kind:9} {count:>9} documents")
