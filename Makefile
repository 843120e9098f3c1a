VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
TRANSLATIONS := desktop/resources/translations
# English is the source language; its file holds only the plural forms.
LANGUAGES := es en
QM := $(LANGUAGES:%=$(TRANSLATIONS)/insignia_%.qm)

.PHONY: run test lint typecheck layers pytest bench bench-sync translations qm \
	clean install-desktop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	$(MAKE) --no-print-directory qm
	touch $@

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	$(MAKE) --no-print-directory qm
	touch $@

# Qt's Linguist tools come with PySide6-Essentials.
$(BIN)/pyside6-lupdate $(BIN)/pyside6-lrelease: | $(BIN)/python
	$(BIN)/pip install --quiet -e .

## Refresh the translation sources from the code; then translate what is new
## (Qt Linguist: .venv/bin/pyside6-linguist) until tests/desktop/test_spanish.py
## passes.
translations: | $(BIN)/pyside6-lupdate
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations relative \
		-source-language en -target-language es \
		$$(find desktop -name '*.py' | sort) -ts $(TRANSLATIONS)/insignia_es.ts
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations relative -pluralonly \
		-source-language en -target-language en \
		$$(find desktop -name '*.py' | sort) -ts $(TRANSLATIONS)/insignia_en.ts

## Build the compiled translations the application loads (not committed).
qm: $(QM)

$(TRANSLATIONS)/%.qm: $(TRANSLATIONS)/%.ts | $(BIN)/pyside6-lrelease
	$(BIN)/pyside6-lrelease -silent $< -qm $@

## Open Insignia on the demo data (a folder of its own, created on first run).
run: $(VENV)/.installed qm
	$(BIN)/insignia --demo --data-dir "$${INSIGNIA_DEMO_DIR:-$$HOME/.local/share/insignia-demo}"

## Every check CI runs: lint, format, types, layering, then the tests.
test: $(STAMP) lint typecheck layers pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

layers: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP) qm
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -p no:cacheprovider

## Register Insignia for this user: in the applications menu, and as the
## program that opens insignia:// links (the links in Insignia's e-mails).
APPLICATIONS := $${XDG_DATA_HOME:-$$HOME/.local/share}/applications
install-desktop: $(VENV)/.installed
	mkdir -p "$(APPLICATIONS)"
	sed 's|^Exec=insignia |Exec="$(abspath $(BIN))/insignia" |' \
		desktop/resources/insignia.desktop > "$(APPLICATIONS)/insignia.desktop"
	if command -v update-desktop-database >/dev/null; then \
		update-desktop-database "$(APPLICATIONS)"; fi
	if command -v xdg-mime >/dev/null; then \
		xdg-mime default insignia.desktop x-scheme-handler/insignia; fi

bench: $(VENV)/.installed
	$(BIN)/python -m bench.dashboard --applications 100000

## Sync against a real server on loopback (needs the server extra, in dev).
bench-sync: $(STAMP)
	$(BIN)/python -m bench.sync --applications 10000

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache $(QM)
