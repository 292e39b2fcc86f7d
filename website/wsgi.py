"""WSGI entry point (gunicorn website.wsgi)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")
application = get_wsgi_application()

# What start-up loaded (Django, Wagtail, machina and our code: some 200,000 objects)
# lives as long as the process. Left in sight of the garbage collector, every full
# collection walks all of it and stops the worker for 150-200 ms (measured under
# `make bench`, where these pauses made the slowest 1% of forum pages); frozen, a full
# collection only walks what requests created, 20-40 ms.
gc.freeze()
