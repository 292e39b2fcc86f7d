"""The bench's own PostgreSQL database and Redis db, emptied at the start of every run."""

import psycopg
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from psycopg import sql

MAINTENANCE_DATABASE = "postgres"


def _server_params(db: dict) -> dict:
    """psycopg connection parameters for the server of Django database ``db``."""
    params = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"]}
    if db.get("PASSWORD"):
        params["password"] = db["PASSWORD"]
    return {key: value for key, value in params.items() if value not in ("", None)}


def recreate_database() -> None:
    """Drop (closing its connections) and create the bench database named in the settings."""
    db = settings.DATABASES["default"]
    name = sql.Identifier(db["NAME"])
    params = _server_params(db)
    with psycopg.connect(dbname=MAINTENANCE_DATABASE, autocommit=True, **params) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


def clear_cache() -> None:
    """Empty the bench's Redis db: a catalog cached by a previous run names other page ids."""
    cache.clear()


def server_version() -> str:
    """The PostgreSQL server version, e.g. ``15.14 (Debian 15.14-0+deb12u1)``."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]
