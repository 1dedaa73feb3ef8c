"""The HTTP answer API (FastAPI): it only translates between HTTP and the answer service."""
