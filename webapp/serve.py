"""Run Clausewright on this machine: create or update the database, then serve the app."""

from __future__ import annotations

import argparse

from flask_migrate import upgrade
from werkzeug.serving import run_simple

from webapp import create_app


def serve(host: str = "127.0.0.1", port: int = 5000) -> None:
    """Bring the schema up to date, print the address, and serve until interrupted."""
    app = create_app()
    with app.app_context():
        upgrade()
    print(f"Clausewright is running at http://{host}:{port}/ (press Ctrl+C to stop)", flush=True)
    run_simple(host, port, app, threaded=True)


def main(argv: list[str] | None = None) -> None:
    """`python -m webapp [--host H] [--port P]`."""
    parser = argparse.ArgumentParser(prog="python -m webapp", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=5000, help="port to listen on (default 5000)")
    options = parser.parse_args(argv)
    serve(options.host, options.port)
