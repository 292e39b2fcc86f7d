"""The client's own network ("Mijn netwerk")."""

# Adding, changing and removing people: plenty for someone drawing their network in one
# sitting, too few to fill the table by script.
NETWORK_RATE_LIMITS = {"user": "60/h", "ip": "300/h"}
