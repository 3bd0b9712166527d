"""APScheduler 3.x jobs: the nightly crawl-and-check, persisted in the SQL store."""
