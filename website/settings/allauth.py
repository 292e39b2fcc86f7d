"""django-allauth: username + password sign-up, email optional, rate limits on."""

import environ

env = environ.Env()

ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# Failed logins are limited per account (key) and per address. The account limit is the
# strict one, with a five minute cool-down after which the right password works again.
# The address limit only stops one address trying many accounts: a library, a shelter or
# a shared computer is one address for many people. The key comes first, so attempts on
# an account already stopped don't use up its address's budget.
ACCOUNT_RATE_LIMITS = {
    "login": "60/m/ip",
    "login_failed": "5/5m/key,30/m/ip",
    # Every attempt per address: enough for a course at a community centre, not a farm.
    "signup": "10/10m/ip,40/d/ip",
    # Per address and per mail address (key); an unknown address gets one mail a day
    # at most (accounts.adapter).
    "reset_password": "5/m/ip,30/h/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
# Accounts created on the whole site, whatever the address (core.ratelimits keys).
SIGNUP_RATE_LIMITS = {"everyone": env("SIGNUP_RATE_LIMIT_EVERYONE", default="100/h")}
# A sign-up form sent sooner than this after it was shown is taken for a bot.
SIGNUP_MIN_SECONDS = env.float("SIGNUP_MIN_SECONDS", default=3)
