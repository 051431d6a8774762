# The two commands of the README are `make run` and `make test`.
PYTHON ?= python3
export PYTHON

.PHONY: run test stop lint bench load

run:  ## the product on the embedded default (private PostgreSQL, demo database)
	bash scripts/run.sh

test:  ## every test (Odoo, tours, harness) on a fresh database, then the linters
	bash scripts/test.sh

stop:  ## stop the private PostgreSQL cluster
	bash scripts/pg.sh stop

lint:
	$(PYTHON) -m ruff check addons bench scripts tests conftest.py
	$(PYTHON) -m pylint --rcfile=.pylintrc addons/*

bench:  ## benchmark scripts over generated data (figures, not pass/fail)
	bash bench/run.sh

load:  ## load test: 16 agents and 4 guards against a 5-worker server on loopback (fails on errors)
	bash -c '. scripts/lib.sh && require_odoo && start_cluster'
	cd bench && TZ=UTC $(PYTHON) load_test.py
