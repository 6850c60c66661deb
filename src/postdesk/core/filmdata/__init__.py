"""Film facts from Wikidata or TMDB, filled into a draft without going over the user's words."""
