"""Checks: pure functions from stored snapshots and an as-of date to findings."""
