# Samenredzaam. `make run` serves the demo; `make test` runs the whole suite.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# The NL Design System CSS, built from package-lock.json (scripts/build-css.sh; needs npm),
# whose `npm ci` also installs the Nu Html Checker the browser tests run (vnu-jar).
NLDS_CSS := website/static/vendor/nlds/nlds.css
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: install run test lint bench messages clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade "pip>=24"
	$(VENV)/bin/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

$(NLDS_CSS) $(VNU_JAR) &: package.json package-lock.json scripts/build-css.sh
	scripts/build-css.sh

install: $(STAMP) $(NLDS_CSS) $(VNU_JAR)

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:8000

# Coverage is measured over the whole run: the table lists the files not fully covered,
# then the figure for the business logic (services, selectors, permissions; aim >= 90%).
LOGIC := */services.py,*/selectors.py,*/permissions.py

# The search relevance set also runs on SQLite (the database `make run` uses), in a run
# of its own: the suite's database is PostgreSQL.
test: install lint
	scripts/with-services.sh $(VENV)/bin/pytest --cov --cov-report=term:skip-covered
	scripts/with-services.sh env DATABASE_URL=sqlite:///:memory: \
	  $(VENV)/bin/pytest tests/integration/test_search_relevance.py -k "not elasticsearch" -q -p no:cacheprovider
	@echo "Line coverage, services + selectors + permissions:" \
	  "$$($(VENV)/bin/coverage report --include='$(LOGIC)' --format=total)%"

# mypy checks the typed modules listed in pyproject.toml ([tool.mypy] files).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

# The HTTP load bench, then the search bench (issue 5), the search relevance set per
# backend (bench/relevance.py), then Lighthouse on four pages
# (bench/lighthouse.py, which needs Chromium: scripts/with-services.sh installs it), on the
# same services.
bench: install
	scripts/with-services.sh sh -c '$(PY) bench/run.py && $(PY) bench/search_bench.py && $(PY) bench/relevance.py && $(PY) bench/lighthouse.py'

messages: install
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=bench --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 node_modules website/static/vendor
