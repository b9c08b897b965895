"""The web service: the JSON API for C&C systems and screens, sign-in, and pages."""

from rightcare.web.app import create_app

__all__ = ["create_app"]
