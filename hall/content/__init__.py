"""Content: the model, loading and validation of the hall's staff-edited files."""

from .loader import load_hall, load_hall_or_raise
from .model import Body, Exhibit, FreePage, Hall, Home, Localized, Photo, Zone
from .problems import ContentErrors, Problem, ProblemLog

__all__ = [
    "Body", "ContentErrors", "Exhibit", "FreePage", "Hall", "Home", "Localized", "Photo",
    "Problem", "ProblemLog", "Zone", "load_hall", "load_hall_or_raise",
]
