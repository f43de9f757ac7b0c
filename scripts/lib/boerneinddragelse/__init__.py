"""The site's content model and the logic built on it (no MkDocs imports here)."""
