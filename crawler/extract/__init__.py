"""Pure extraction from page bytes/HTML: list entries, pagers, detail fields, dates."""
