# reportsite: the two commands that matter are `make site` and `make test`.
GO ?= go
SHELL := bash
BIN := bin/reportsite
FUZZTIME ?= 60s

.PHONY: site test check serve archive bench screenshots fuzz build clean echarts

build:
	$(GO) build -o $(BIN) ./cmd/reportsite

site: build
	./$(BIN) build -src . -out public

check: build
	./$(BIN) check -src .

# The browser suite runs verbosely, so the log shows which tests drove
# Chromium and which (if any) skipped: a plain "ok" would hide both.
test: build
	$(GO) vet ./...
	for os in windows darwin linux; do GOOS=$$os $(GO) vet ./... || exit 1; done # compiles (tests included) everywhere
	./$(BIN) check -src .
	$(GO) test $$($(GO) list ./... | grep -v /internal/browser)
	set -o pipefail; $(GO) test -v -timeout 30m ./internal/browser | grep -E '^(--- |    --- (FAIL|SKIP)|ok |FAIL|PASS|browser suite|panic)|_test\.go:[0-9]+: '

serve: build
	./$(BIN) serve -src .

archive: build
	./$(BIN) archive -src . -out dist

bench: build
	$(GO) run ./internal/bench/cmd -bin $(BIN)

screenshots: build
	$(GO) test ./internal/browser -run TestScreenshots -screenshots $(CURDIR)/screenshots

# Every fuzz target in turn, FUZZTIME each (make fuzz FUZZTIME=10s).
fuzz:
	@for f in $$(grep -rlE '^func Fuzz' --include='*_test.go' internal | sort); do \
		for t in $$(sed -nE 's/^func (Fuzz[A-Za-z0-9_]+)\(.*/\1/p' $$f); do \
			echo "== ./$$(dirname $$f) $$t"; \
			$(GO) test ./$$(dirname $$f) -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 100x || exit 1; \
		done; \
	done

# The vendored ECharts subset, made again from the pinned npm packages
# (static/vendor/echarts/VERSION.md): the same lock file gives the same bytes.
echarts:
	cd tools/echarts && npm ci --no-audit --no-fund && sh build.sh

clean:
	rm -rf bin public dist .cache screenshots
