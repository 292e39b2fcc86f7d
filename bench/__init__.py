"""Load benchmarks for Samenredzaam (``make bench``); see ``bench/run.py``."""
