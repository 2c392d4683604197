# Two commands on a fresh machine:  `make site` (set up, build the sample hall into site/)
# and `make test` (set up, including Debian's Chromium and CJK fonts, and run every test).

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check system-deps lock bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --requirement requirements.lock
	$(PY) -m pip install --quiet --no-deps --editable .
	touch $(STAMP)

site: $(STAMP)
	$(VENV)/bin/hall build

serve: $(STAMP)
	$(VENV)/bin/hall serve

check: $(STAMP)
	$(VENV)/bin/hall check

# Browser tests drive Debian's Chromium (never a downloaded browser); CJK fonts for screenshots;
# Java runs the Nu HTML checker; npm installs the development checkers in tools/.
system-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/opentype/noto ] || ! command -v java >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk default-jre-headless >/dev/null; \
	fi
	@if ! command -v npm >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; \
	fi
	@if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null || [ ! -x /usr/sbin/nginx ]; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq xvfb xdotool nginx >/dev/null; \
	fi

# Development-only checkers (Nu HTML checker, Lighthouse), exact versions from tools/package-lock.json.
TOOLS := tools/node_modules/.installed
$(TOOLS): tools/package.json tools/package-lock.json
	npm ci --prefix tools --no-audit --no-fund --loglevel=error
	touch $(TOOLS)

test: $(STAMP) system-deps $(TOOLS)
	$(PY) -m pytest -q

# Re-pin every dependency after editing pyproject.toml.
lock:
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --extra bench --quiet --output-file requirements.lock

clean:
	rm -rf site .site.* .cache
