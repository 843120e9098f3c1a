"""Insignia's server: the shared truth the desktops sync with (FastAPI)."""
