"""Options of the ``hall`` MkDocs plugin, as set under ``plugins: - hall:`` in mkdocs.yml."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..pages.options import TIMELINE_ORDERS, SiteOptions


class HallConfig(Config):
    # Languages of the site, the default (served at /) first.
    languages = c.ListOfItems(c.Type(str), default=["zh", "en"])
    # The site's name per language, e.g. {zh: X县民族团结文化展厅, en: …}.
    site_name = c.Type(dict, default={})
    # A shorter name per language for the phone header, where the full name has two lines of
    # about 8 Chinese characters or 20 letters; the full name stays everywhere else.
    short_name = c.Type(dict, default={})
    # The county, a setting a real hall fills in once (the seed says only "X县").
    county = c.Type(dict, default={"zh": "X县", "en": "X County"})
    # Filing numbers every site served in mainland China shows in its footer.
    icp_number = c.Type(str, default="")
    psb_number = c.Type(str, default="")
    psb_code = c.Type(str, default="")
    # Optional, for Party and government sites: the 党政机关网站标识 image file the hall was
    # issued (path under theme/, e.g. assets/conac.png; nothing shows without it), the link it
    # was issued with, and the 网站标识码 (site identification code, e.g. 5301000001).
    gov_mark_image = c.Type(str, default="")
    gov_mark_link = c.Type(str, default="")
    site_code = c.Type(str, default="")
    # Where `hall publish` uploads (hall/outputs/publish/): provider (oss|cos|obs|s3|folder),
    # bucket, region, endpoint, prefix, or path for a folder. Never credentials here.
    publish = c.Type(dict, default={})
    # Write into a staging folder and swap it in only when the whole build succeeded.
    atomic = c.Type(bool, default=True)
    # Site search (Pagefind, one index per language, see hall/outputs/search/).
    search = c.Type(bool, default=True)
    # Show draft entries (always on under `mkdocs serve`).
    drafts = c.Type(bool, default=False)
    # Build the touch-screen kiosk variant (also switched on by HALL_KIOSK=1, which the
    # other languages' child builds inherit) into its own folder, served by `hall kiosk`.
    kiosk = c.Type(bool, default=False)
    kiosk_site_dir = c.Type(str, default="site-kiosk")
    # The id of this kiosk's place under `kiosks:` in content/floorplan.yml: its plans mark
    # "您在这里 / You are here" there. HALL_KIOSK_POSITION overrides it per device, so kiosks at
    # different places share one mkdocs.yml (hall/content/floorplan.py checks the id).
    kiosk_position = c.Type(str, default="")
    # Seconds without a touch before the countdown, and length of the visible countdown.
    kiosk_idle_seconds = c.Type(int, default=90)
    kiosk_countdown_seconds = c.Type(int, default=10)
    # Timeline order: "oldest" first (a history read forwards) or "newest" first.
    timeline_order = c.Choice(TIMELINE_ORDERS, default=SiteOptions.timeline_order)
    # News items per page of the news list (news/, news/page/2/, …).
    news_per_page = c.Type(int, default=SiteOptions.news_per_page)
    # Font files for share cards, first found wins (empty: hall/media/cards.py DEFAULT_FONTS).
    share_card_fonts = c.ListOfItems(c.Type(str), default=[])
    # The CJK font file for `hall placards` (empty: hall/outputs/placards/fonts.py DEFAULT_FONTS).
    placard_font = c.Type(str, default="")
