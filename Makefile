# The two commands of the README. Each sets up what it needs first (scripts/setup.sh).
.PHONY: setup demo test lint bench

setup:
	@scripts/setup.sh

demo: setup
	.venv/bin/zwgk demo

test: setup lint
	.venv/bin/python -m pytest -q -n auto --dist loadfile

lint: setup
	.venv/bin/ruff check .
	.venv/bin/mypy

bench: setup
	.venv/bin/python benchmarks/crawl_speed.py
