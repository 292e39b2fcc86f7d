"""Local initiatives ("In de buurt")."""

# Members' suggestions: a few in a row is fine, a flood waits (each waits for an editor).
NEARBY_RATE_LIMITS = {"user": "5/h", "ip": "20/h"}
