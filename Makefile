# reportsite: the two commands that matter are `make site` and `make test`.
GO ?= go
BIN := bin/reportsite

.PHONY: site test check serve archive bench screenshots fuzz build clean

build:
	$(GO) build -o $(BIN) ./cmd/reportsite

site: build
	./$(BIN) build -src . -out public

check: build
	./$(BIN) check -src .

test: build
	$(GO) vet ./...
	./$(BIN) check -src .
	$(GO) test ./...

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
