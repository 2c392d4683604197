"""Outputs beside the pages, from the model and the built site: news feeds, SEO files and
structured data, QR codes, and the search index (segmentation pure, Pagefind apart)."""
