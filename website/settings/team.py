"""Client and worker teams."""

# Code attempts per worker: enough for typing errors, too few to guess one of 31^8 codes.
TEAM_REDEEM_RATE_LIMITS = {"user": "10/h"}
# What a supporter writes (agreements taken on, encouragements) per hour.
TEAM_SUPPORT_RATE_LIMITS = {"user": "30/h"}
