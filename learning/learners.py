"""Who is learning: a signed-in user, or an anonymous visitor's session."""

from dataclasses import dataclass

from django.contrib.sessions.backends.base import SessionBase

from accounts.models import User

# Anonymous progress in the session: {"<step id>": {"completed_at": iso | None,
# "first_seen_at": iso, "last_seen_at": iso, "checklist": [...], "answers": {...}}}
SESSION_KEY = "learning_progress"


@dataclass(frozen=True)
class Learner:
    user: User | None
    session: SessionBase

    @classmethod
    def from_request(cls, request) -> "Learner":
        user = request.user if request.user.is_authenticated else None
        return cls(user=user, session=request.session)

    @property
    def is_anonymous(self) -> bool:
        return self.user is None
