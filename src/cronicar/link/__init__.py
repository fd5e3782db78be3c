"""cronicar.link: cross-article layer — stories, event coreference, timelines.

``link_article(conn, article_id)`` runs inside the ingest transaction right after
``Store.write_article``; ``timeline(conn, story_id)`` reads a story back in calendar order;
``warm(langs)`` loads ahead what the first linked article would load.
"""

from cronicar.link.stories import link_article, warm
from cronicar.link.timeline import timeline

__all__ = ["link_article", "timeline", "warm"]
