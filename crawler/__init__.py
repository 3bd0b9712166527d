"""The crawl: Scrapy spiders that fetch and extract, a pipeline that stores, a runner that drives them."""
