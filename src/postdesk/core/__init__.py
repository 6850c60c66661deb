"""The Qt-free domain core: drafts, templates, rendering, export, publishing, credentials."""
