// Package monitoring holds what an operator loads into Prometheus and Grafana to watch
// a themis sequencer machine: prometheus.yml (the scrape jobs), alerts.yml (the alert
// rules, checked by promtool in CI) and grafana-dashboard.json. Its test keeps every
// series they name one that themis or CometBFT actually serves.
package monitoring
