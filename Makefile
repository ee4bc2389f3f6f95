# Two commands do everything on a fresh Debian/Ubuntu machine: `make extract` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SYSPKG := tesseract-ocr tesseract-ocr-ind poppler-utils ghostscript python3-venv hunspell-id \
          chromium chromium-driver libtesseract-dev libleptonica-dev pkg-config g++

.PHONY: extract test bench corpus eval sysdeps clean

extract: $(STAMP) sysdeps
	$(VENV)/bin/kpu-extract run corpus/ --out outputs/

test: $(STAMP) sysdeps
	$(PY) -m pytest

bench: $(STAMP) sysdeps
	$(PY) bench/run.py

corpus: $(STAMP)
	$(PY) corpus/generate.py
	$(PY) corpus/make_scans.py
	$(PY) corpus/layouts.py

# Scores the pipeline on the whole layout-variation corpus (corpus/layouts/), per layout class.
eval: $(STAMP) sysdeps
	$(PY) corpus/eval_layouts.py --jobs 2 --second

# System packages: installed with apt-get when root, else the exact command is printed.
sysdeps:
	@missing=""; \
	command -v tesseract >/dev/null || missing="yes"; \
	command -v pdftoppm  >/dev/null || missing="yes"; \
	command -v gs        >/dev/null || missing="yes"; \
	[ -f /usr/share/hunspell/id_ID.dic ] || missing="yes"; \
	command -v chromium  >/dev/null || missing="yes"; \
	command -v chromedriver >/dev/null || missing="yes"; \
	pkg-config --exists tesseract lept 2>/dev/null || missing="yes"; \
	for lang in ind eng; do \
	  tesseract --list-langs 2>/dev/null | grep -qx $$lang || missing="yes"; \
	done; \
	$(PYTHON) -c "import venv, ensurepip" 2>/dev/null || missing="yes"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSPKG); \
	  else \
	    echo "Missing system packages. Run: sudo apt-get update && sudo apt-get install -y $(SYSPKG)"; exit 1; \
	  fi; \
	fi; \
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "kpu-extract needs Python >= 3.11 ($(PYTHON) is older); run: make PYTHON=python3.11 test"; exit 1; }

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml | sysdeps
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	$(VENV)/bin/pip install -q --no-deps -e .
	touch $(STAMP)

clean:
	rm -rf $(VENV) outputs/*.parquet .cache
