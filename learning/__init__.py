"""Step-by-step learning modules (Wagtail pages) and each learner's progress."""
