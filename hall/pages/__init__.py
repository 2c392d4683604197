"""Pages: the validated hall → one language's page specs and navigation, engine-agnostic.

One module per section (``exhibits``, ``news``, ``timeline``, ``achievements``, ``status``,
``problems``, ``browse``), the shared ``spec`` (what a page is) and ``context`` (view data
every section shares), assembled by ``site.plan_site``.
"""

from .options import SiteOptions
from .site import plan_site
from .spec import NavItem, PageSpec, SitePlan, exhibit_url, news_url, zone_url

__all__ = ["NavItem", "PageSpec", "SiteOptions", "SitePlan", "exhibit_url", "news_url", "plan_site", "zone_url"]
