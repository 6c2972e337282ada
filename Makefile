# lockstep's front door: `make run` and `make test` install what is missing, build, and go.
BUILD      ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
JOBS       ?= $(shell nproc)
DEBS       := cmake ninja-build g++ catch2 libcli11-dev libfmt-dev nlohmann-json3-dev libgmp-dev
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build run test test-asan test-tsan bench fuzz soak screenshot clean

all: build

# Install the Debian packages that are missing (no-op when all are present).
deps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# Check every scenario; succeeds only if each one's findings match its //lockstep:expect line.
run: build
	./$(BUILD)/lockstep check --no-progress scenarios

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DLOCKSTEP_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

# The threaded tests under ThreadSanitizer: the split search (--jobs, --shard, merge) in
# the checker and cli modules.
test-tsan: deps
	cmake -S . -B $(TSAN_BUILD) -G Ninja -DLOCKSTEP_SANITIZE=thread -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target lockstep test_checker test_cli
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 ./$(TSAN_BUILD)/tests/test_checker "[split]"
	TSAN_OPTIONS=halt_on_error=1 ./$(TSAN_BUILD)/tests/test_cli "[split]"

bench: build
	./$(BUILD)/bench/lockstep_bench

# Build the libFuzzer targets with clang in build-fuzz/ and run each for FUZZ_SECONDS
# (installs clang and libFuzzer on Debian when missing); FUZZ_RUNS=N runs exactly N inputs
# per target from a fixed seed instead (CI's short, repeatable pass). See docs/fuzzing.md.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_RUNS=$(FUZZ_RUNS) fuzz/run_fuzz.sh build-fuzz $(FUZZ_SECONDS)

# The README's picture of an HTML report (docs/images/report.png, and report.dark.png in
# the dark theme), rendered by headless Chromium (Debian's chromium and node).
SCREENSHOT_SCENARIO ?= scenarios/chapter3/unsafe_counter.go
screenshot: build
	mkdir -p docs/images $(BUILD)/screenshot
	-./$(BUILD)/lockstep check --no-progress --format html -o $(BUILD)/screenshot/report.html $(SCREENSHOT_SCENARIO)
	node --experimental-websocket tests/reports/tools/html_check.mjs chromium docs/images $(BUILD)/screenshot/report.html
	node --experimental-websocket tests/reports/tools/html_check.mjs chromium docs/images --dark $(BUILD)/screenshot/report.html

# The program generators (tests/gen, docs/testing.md) for SOAK_SECONDS, every feature on,
# seeds past the CI batch's: dpor against naive and real Go on concurrent programs, go run
# against lockstep run on sequential ones. Each disagreement is minimized and written to
# $(BUILD)/gen-findings/ (or LOCKSTEP_GEN_FINDINGS); the run fails when there is one.
# SOAK_SEED picks the first seed.
SOAK_SECONDS ?= 600
SOAK_SEED ?= 1000000
soak: build
	LOCKSTEP_SOAK_SECONDS=$(SOAK_SECONDS) LOCKSTEP_SOAK_SEED=$(SOAK_SEED) ./$(BUILD)/tests/test_gen "[soak]"

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD)
