"""Print-ready placards (`hall placards`): A6 exhibit placards (also four to an A4 sheet with
cut marks), A4 zone placards and the A4 entrance poster, as PDFs with a CJK font embedded.

texts.py takes what each says from the published hall; fonts.py finds the font; drawing.py
measures and draws; designs.py lays out each kind; sheets.py puts them on paper and writes.
"""

from .fonts import FontNotFound, PlacardFont, find_font
from . import texts
from .sheets import Job, write_placards

__all__ = ["FontNotFound", "Job", "PlacardFont", "find_font", "texts", "write_placards"]
