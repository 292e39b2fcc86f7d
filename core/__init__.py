"""Infrastructure shared by every app: version counters, the resilient cache and its read
ahead, shared HTML fragments, enqueueing on commit, rate limits, ids from outside, the
anonymous page cache and the Site memo, health checks and error pages. It imports no domain
app (an import-linter contract in pyproject.toml keeps it so)."""
