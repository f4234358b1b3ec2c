//! Prometheus metrics: requests and latencies, signatures, the outbox.

use prometheus::{
    Encoder, GaugeVec, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, Opts,
    Registry, TextEncoder,
};

pub struct Metrics {
    registry: Registry,
    pub requests: IntCounterVec,
    pub latency: HistogramVec,
    pub signatures_created: IntCounter,
    pub signatures_confirmed: IntCounter,
    pub emails_sent: IntCounter,
    pub emails_failed: IntCounter,
    /// Signatures anonymised by retention, and petitions it finished.
    pub retention_anonymised: IntCounter,
    pub retention_petitions: IntCounter,
    /// Rows written before encryption that the worker has sealed.
    pub rows_sealed: IntCounter,
    pub outbox_depth: IntGauge,
    /// Signatures a rule held or blocked, by action.
    pub signatures_ruled: IntCounterVec,
    /// Per open petition: its last five minutes' rate over its trailing hour's, and whether
    /// that is a spike (1) or not (0).
    pub petition_spike: GaugeVec,
    pub petition_rate_ratio: GaugeVec,
}

impl Metrics {
    pub fn new() -> Metrics {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new(
                "hastakshar_http_requests_total",
                "HTTP requests by route and status",
            ),
            &["method", "route", "status"],
        )
        .expect("valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "hastakshar_http_request_duration_seconds",
                "HTTP request latency by route",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ]),
            &["route"],
        )
        .expect("valid metric");
        let counter = |name: &str, help: &str| IntCounter::new(name, help).expect("valid metric");
        let m = Metrics {
            requests,
            latency,
            signatures_created: counter(
                "hastakshar_signatures_created_total",
                "Signatures stored pending confirmation",
            ),
            signatures_confirmed: counter(
                "hastakshar_signatures_confirmed_total",
                "Signatures confirmed by their email link",
            ),
            emails_sent: counter("hastakshar_emails_sent_total", "Emails delivered"),
            emails_failed: counter(
                "hastakshar_emails_failed_total",
                "Email delivery attempts that failed",
            ),
            retention_anonymised: counter(
                "hastakshar_retention_anonymised_total",
                "Signatures anonymised because their petition closed RETENTION_DAYS ago",
            ),
            retention_petitions: counter(
                "hastakshar_retention_petitions_total",
                "Petitions whose signers retention has anonymised",
            ),
            rows_sealed: counter(
                "hastakshar_rows_sealed_total",
                "Rows written before encryption, sealed by the worker",
            ),
            outbox_depth: IntGauge::new("hastakshar_outbox_depth", "Emails waiting to be sent")
                .expect("valid metric"),
            signatures_ruled: IntCounterVec::new(
                Opts::new(
                    "hastakshar_signatures_ruled_total",
                    "Signatures an integrity rule held or blocked",
                ),
                &["action"],
            )
            .expect("valid metric"),
            petition_spike: GaugeVec::new(
                Opts::new(
                    "hastakshar_petition_spike",
                    "1 while a petition's last five minutes are a spike over its trailing hour",
                ),
                &["petition"],
            )
            .expect("valid metric"),
            petition_rate_ratio: GaugeVec::new(
                Opts::new(
                    "hastakshar_petition_rate_ratio",
                    "A petition's last five minutes' signing rate over its trailing hour's",
                ),
                &["petition"],
            )
            .expect("valid metric"),
            registry,
        };
        m.registry
            .register(Box::new(m.requests.clone()))
            .expect("register");
        m.registry
            .register(Box::new(m.latency.clone()))
            .expect("register");
        m.registry
            .register(Box::new(m.signatures_created.clone()))
            .expect("register");
        m.registry
            .register(Box::new(m.signatures_confirmed.clone()))
            .expect("register");
        m.registry
            .register(Box::new(m.emails_sent.clone()))
            .expect("register");
        m.registry
            .register(Box::new(m.emails_failed.clone()))
            .expect("register");
        m.registry
            .register(Box::new(m.outbox_depth.clone()))
            .expect("register");
        for c in [
            &m.retention_anonymised,
            &m.retention_petitions,
            &m.rows_sealed,
        ] {
            m.registry.register(Box::new(c.clone())).expect("register");
        }
        for c in [
            Box::new(m.signatures_ruled.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(m.petition_spike.clone()),
            Box::new(m.petition_rate_ratio.clone()),
        ] {
            m.registry.register(c).expect("register");
        }
        m
    }

    pub fn render(&self) -> String {
        let mut buf = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut buf)
            .expect("text encoding cannot fail");
        String::from_utf8(buf).unwrap_or_default()
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}
