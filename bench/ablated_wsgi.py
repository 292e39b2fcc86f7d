"""gunicorn's entry point for ``bench/ablate.py``: the site of ``website.wsgi``, served
without the mechanism named in ``BENCH_ABLATE`` (a key of ``bench.ablations.ABLATIONS``).

The application is loaded exactly as ``website.wsgi`` loads it (``gc.freeze`` included),
then the mechanism is patched to its plain equivalent in this worker; without
``BENCH_ABLATE`` nothing is patched, for the reference run with everything on.
"""

import os
import sys

from website.wsgi import application

__all__ = ["application"]

if name := os.environ.get("BENCH_ABLATE"):
    from bench import ablations  # once the application is loaded: it imports the apps

    ablations.serve_without(name)
    print(f"[ablate] pid {os.getpid()} serves without {name}", file=sys.stderr, flush=True)
