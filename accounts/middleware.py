"""The interface language: Dutch unless the person chose otherwise.

Django's LocaleMiddleware would also follow the browser's Accept-Language, but
many Dutch-speaking people use a phone set to English; the product is Dutch by
default, so only an explicit choice counts: the saved language of a signed-in
user, else the language cookie set by the language switch.
"""

from django.conf import settings
from django.utils import translation


class SiteLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.available = dict(settings.LANGUAGES)

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language in self.available:
            language = user.language
        else:
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
            language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
