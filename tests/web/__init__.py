"""Web app tests (Flask test client)."""
