# The two commands of the README. Each sets up what it needs first (scripts/setup.sh).
.PHONY: setup demo test bench

setup:
	@scripts/setup.sh

demo: setup
	.venv/bin/zwgk demo

test: setup
	.venv/bin/python -m pytest -q

bench: setup
	.venv/bin/python benchmarks/crawl_speed.py
