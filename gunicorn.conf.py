"""gunicorn settings for Clausewright: `gunicorn -c gunicorn.conf.py "webapp:create_app()"`.

Every value can be changed from the environment (CLAUSEWRIGHT_BIND, CLAUSEWRIGHT_WORKERS, ...)
or on the command line, which wins over this file. See docs/production.md.
"""

from __future__ import annotations

import gc
import multiprocessing
import os

from gunicorn.glogging import Logger

from webapp.redact import redact


def setting(name: str, default: str) -> str:
    """A CLAUSEWRIGHT_ environment variable, or the default."""
    return os.environ.get(f"CLAUSEWRIGHT_{name}", default)


bind = setting("BIND", "127.0.0.1:8000").split(",")
# Requests are short and CPU-bound (templates, DOCX), so one process per core plus one to
# cover a worker that waits on the database.
workers = int(setting("WORKERS", str(multiprocessing.cpu_count() + 1)))
worker_class = "sync"
# A request that runs longer than this is killed and its worker replaced; the database rolls
# back whatever that request had not committed.
timeout = int(setting("TIMEOUT", "30"))
graceful_timeout = 30
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = 2000
max_requests_jitter = 200
# The master loads the app once and every worker, first or recycled, starts as a copy of it: a fork
# takes milliseconds where importing and warming the app again took about a second of CPU, during
# which the other workers carried all the load. Nothing is shared at run time: the database, rate-limit
# and job connections are all opened after the fork, in the worker that uses them.
preload_app = True
# Headers and request lines stay small; bodies are capped by the app (MAX_CONTENT_LENGTH).
limit_request_line = 4096
limit_request_fields = 100
# Only the proxy on this machine may set X-Forwarded-*; the app trusts CLAUSEWRIGHT_PROXY_HOPS of them.
forwarded_allow_ips = setting("FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = setting("ACCESS_LOG", "-")
errorlog = setting("ERROR_LOG", "-")
loglevel = setting("LOG_LEVEL", "info")
# Method and path only: no query string, no referrer (both may carry a signing link).
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s"'


class RedactingLogger(Logger):
    """gunicorn's logger, with signing tokens hidden in every access-log field."""

    def atoms(self, resp, req, environ, request_time):
        found = super().atoms(resp, req, environ, request_time)
        return {key: redact(value) if isinstance(value, str) else value for key, value in found.items()}


logger_class = RedactingLogger


def when_ready(server) -> None:
    """Before the first fork: compile every template once, then keep what the master loaded out of
    the garbage collector's way, so workers neither recompile nor rescan (nor copy) it."""
    templates = getattr(server.app.wsgi(), "jinja_env", None)
    if templates is not None:
        for name in templates.list_templates():
            templates.get_template(name)
    gc.collect()
    gc.freeze()
