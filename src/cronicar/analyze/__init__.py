"""Per-article analysis: a pure function of (text, article date, language) -> annotations."""
