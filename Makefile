# bizra-gen: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_BIN := .build/release/bizra-gen
DEBUG_BIN := .build/debug/bizra-gen
export BIZRA_SHARED ?= $(abspath ../shared)

.PHONY: run build test tools unit-test drift examples conformance templates clean

## run: build bizra-gen in release mode and write out/ from specs/
run: build
	$(RELEASE_BIN) build

## build: the release binary, with the Swift runtime and Foundation linked in (faster start)
build:
	$(SWIFT) build -c release --static-swift-stdlib --product bizra-gen

## test: everything CI runs (the tools first, then unit and CLI tests, the out/ drift gate, the
## Swift DSL example package, conformance)
test: tools unit-test drift examples conformance

## tools: install the real tools the tests check output with (idempotent; see scripts/conformance)
tools:
	./scripts/conformance --install-only

unit-test:
	./scripts/embed-templates --check
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## drift: fail when the committed out/ differs from a fresh build of specs/, in any environment,
## the second platform's committed output (Examples/harbor/out) from its spec, or the key
## reference (docs/spec-format.md) from the format
drift:
	$(SWIFT) build --product bizra-gen
	$(DEBUG_BIN) build --all-envs --check
	$(DEBUG_BIN) build --spec Examples/harbor/specs --out Examples/harbor/out --all-envs --check
	$(DEBUG_BIN) schema --reference | diff -u docs/spec-format.md - || { echo "docs/spec-format.md is stale: run bizra-gen schema --reference > docs/spec-format.md" >&2; exit 1; }

## examples: Examples/Shop (the Swift DSL and the CLI as a library) builds the YAML spec's bytes, and
## its deliberate mistakes are reported at their Swift lines
examples:
	./scripts/examples

## conformance: the real tools on what bizra-gen writes (installs them on first use)
conformance:
	./scripts/conformance

## templates: regenerate the embedded copies of templates/ and specs/
templates:
	./scripts/embed-templates

clean:
	rm -rf .build

.PHONY: bench bench-peers fuzz

## bench: bizra-gen build (release) at every size against the floor; figures into docs/performance.md
bench:
	./scripts/bench

## bench-peers: bizra-gen beside jsonnet and kubectl kustomize on the same objects (docs/performance.md)
bench-peers:
	./scripts/bench-peers

## fuzz: the libFuzzer target over the loader and the checks, for FUZZ_SECONDS (default 60)
fuzz:
	./scripts/fuzz
