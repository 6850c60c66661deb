"""Rendering: film templates, phrasing, Markdown, block markup and the standalone page."""
