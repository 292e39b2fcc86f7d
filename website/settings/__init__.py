"""Settings package: ``base`` holds everything, ``dev``/``test``/``production`` adjust it."""
