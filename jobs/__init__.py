"""Jobs that compose the layers below: the check job, the findings recorder, one night (crawl then check)."""
