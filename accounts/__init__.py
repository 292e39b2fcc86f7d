"""Users, roles, sign-up and login (django-allauth), language preference."""
