"""screen: find and remove personal data in Norwegian and Danish translation files."""

__version__ = "0.1.0"
