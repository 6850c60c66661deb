"""Drafts: the model, reading and saving .postdesk files, checks and recovery copies."""
