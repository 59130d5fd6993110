#!/usr/bin/env bash
# Writes the Prometheus configuration of bench/monitor.sh to stdout: one scrape job probing every target through
# blackbox_exporter every 10 s (the usual relabelling: the target becomes ?target=, the exporter the address).
#   bash bench/monitor/prometheus.sh TARGET_PORT EXPORTER_PORT [CHECKS=1000]
set -euo pipefail
target_port=$1; exporter_port=$2; checks=${3:-1000}
cat <<YAML
global:
  scrape_interval: 10s
  scrape_timeout: 5s
  evaluation_interval: 1m
scrape_configs:
  - job_name: blackbox
    metrics_path: /probe
    params: { module: [http_2xx] }
    relabel_configs:
      - { source_labels: [__address__], target_label: __param_target }
      - { source_labels: [__param_target], target_label: instance }
      - { target_label: __address__, replacement: "127.0.0.1:$exporter_port" }
    static_configs:
      - targets:
YAML
for i in $(seq 0 $((checks - 1))); do echo "          - http://127.0.0.1:$target_port/t/$i"; done
