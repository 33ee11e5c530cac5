# numreg: `make demo` and `make test` set everything up on a fresh Debian 12.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all deps build demo test clean install

all: build

deps:
	@scripts/deps.sh

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo.sh $(BUILD)/numreg

test: build
	@ctest --test-dir $(BUILD) -j $(JOBS) --output-on-failure

install: build
	@cmake --install $(BUILD)

clean:
	rm -rf $(BUILD)
