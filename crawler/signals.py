"""Signals between the parts of one crawl worker of a shared night (crawler.distributed): a request
whose output is handled, the pipeline's commits, and a request to commit now."""

from __future__ import annotations

request_handled = object()  # kwargs: request; its callback's or errback's output has been handed on
batch_committed = object()  # the pipeline has committed everything it was given before
flush_requested = object()  # the worker is idle: commit what is pending now
