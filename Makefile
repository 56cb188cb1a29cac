# reportsite: the two commands that matter are `make site` and `make test`.
GO ?= go
SHELL := bash
BIN := bin/reportsite

.PHONY: site test check serve archive bench screenshots fuzz build clean

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
	set -o pipefail; $(GO) test -v ./internal/browser | grep -E '^(--- |    --- (FAIL|SKIP)|ok |FAIL|PASS|browser suite|panic)|_test\.go:[0-9]+: '

serve: build
	./$(BIN) serve -src .

archive: build
	./$(BIN) archive -src . -out dist

bench: build
	$(GO) run ./internal/bench/cmd -bin $(BIN)

screenshots: build
	$(GO) test ./internal/browser -run TestScreenshots -screenshots $(CURDIR)/screenshots

clean:
	rm -rf bin public dist .cache screenshots
