"""The MkDocs adapter: a thin layer that hands the core's pages to MkDocs and Material."""
