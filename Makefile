# The README's two commands: `make demo` and `make test`. Everything a fresh machine needs is installed here.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MVNW := ./mvnw -B
CLI_JAR := cli/target/loadtest.jar
APT_PACKAGES := python3-locust chromium nginx
# ECharts for the browser tests of the Jenkins pages: the version the echarts-api plugin bundles, from npm.
ECHARTS_VERSION := 6.0.0
ECHARTS_JS := $(HOME)/.cache/locust-load-test/echarts-$(ECHARTS_VERSION)/echarts.min.js

.PHONY: demo test bench venv system-packages kube build cli clean

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r requirements.txt
	touch $@

# Debian's Locust (the oldest line we support), chromium (browser tests) and nginx (the target of `make bench`, run
# by the bench itself as the current user). Root on CI; sudo elsewhere. nginx's postinst would start the system
# service: a policy-rc.d answering 101 ("not allowed") keeps it stopped, and is removed again if we wrote it.
system-packages:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); guard=""; \
	  if [ ! -e /usr/sbin/policy-rc.d ]; then \
	    printf '#!/bin/sh\nexit 101\n' | $$SUDO tee /usr/sbin/policy-rc.d >/dev/null \
	      && $$SUDO chmod 755 /usr/sbin/policy-rc.d && guard=1; \
	  fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; rc=$$?; \
	  if [ -n "$$guard" ]; then $$SUDO rm -f /usr/sbin/policy-rc.d; fi; \
	  exit $$rc; \
	fi

# Rebuilt when a main source of core or cli changed, so the demo never runs a stale jar.
$(CLI_JAR): $(shell find core/src/main cli/src/main cli/pom.xml core/pom.xml -type f 2>/dev/null)
	$(MVNW) -q -DskipTests -pl cli -am package

cli: $(CLI_JAR)

# npm comes with the machine's Node.js; Debian's npm package only where there is none.
$(ECHARTS_JS):
	@command -v npm >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm; }
	mkdir -p $(@D)
	cd $(@D) && npm pack --silent echarts@$(ECHARTS_VERSION) >/dev/null \
	  && tar -xzf echarts-$(ECHARTS_VERSION).tgz package/dist/echarts.min.js \
	  && mv package/dist/echarts.min.js . && rm -rf package echarts-$(ECHARTS_VERSION).tgz

# The Kubernetes ITs' control plane (etcd, kube-apiserver, -controller-manager, -scheduler), built with Go from the
# module proxy on first use (about 7 minutes on 2 cores) and reused from this cache folder afterwards.
KUBE_BIN ?= $(HOME)/.cache/locust-load-test/kube-v1.34.4

kube:
	@KUBE_TEST_BIN="$(KUBE_BIN)" bash tools/kube/build.sh

# The bench's unit tests (parsing, statistics, cleanup; a few seconds, no benchmark) run first.
test: venv system-packages kube $(ECHARTS_JS)
	$(PY) -m unittest discover -s tools/bench -p 'test_*.py'
	$(MVNW) verify -Dkube.bin="$(KUBE_BIN)"

# The figures of docs/performance.md, printed as one table; not part of `make test` (about 15 minutes, and it loads the
# machine: run nothing else meanwhile). Every step writes $(BENCH_OUT)/figure-<N>*.json; a missed goal is printed, not
# failed. Figures 4-6: JMH and friends in the bench module (only in the reactor with -Pbench). Figure 7: the
# Kubernetes scale IT on the real control plane. Figures 1-3 and 8: real Locust against an nginx of
# its own on loopback (tools/bench/load_bench.py, about 6 minutes; --rounds and --run-time for quicker runs).
BENCH_OUT := target/bench
BENCH_LOAD := tools/bench/load_bench.py

bench: venv system-packages kube $(CLI_JAR)
	rm -rf $(BENCH_OUT) && mkdir -p $(BENCH_OUT)
	$(MVNW) -q -Pbench -pl bench -am -DskipTests package
	java -cp "bench/target/classes:$$(cat bench/target/classpath.txt)" io.jenkins.plugins.locust.bench.BenchMain $(BENCH_OUT)
	$(MVNW) -q -pl core failsafe:integration-test failsafe:verify -Dit.test=KubernetesScaleIT \
	  -Dkube.bin="$(KUBE_BIN)" -Dbench.out="$(abspath $(BENCH_OUT))" -Dbench.rounds=3
	$(PY) $(BENCH_LOAD) --out $(BENCH_OUT)
	@python3 tools/bench/table.py $(BENCH_OUT)

demo: venv $(CLI_JAR)
	@bash examples/demo.sh

clean:
	$(MVNW) -q clean
	rm -rf $(VENV)
