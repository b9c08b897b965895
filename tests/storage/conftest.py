from tests.storage.databases import database_url, empty_database_url, engine

__all__ = ["database_url", "empty_database_url", "engine"]
