//! What the integrity checks cost: the same signing load against a server with the checks off
//! and one with them on under a set of rules like those an attack calls for, alternately, each
//! on a fresh database, in the same run. The budget is 10% of the signing rate.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use reqwest::StatusCode;

use crate::Config;
use crate::direct::DEMO;
use crate::fresh::{Backend, FreshDb};
use crate::load::{self, Outcome};
use crate::server::ServerProcess;
use crate::signers::{Place, Signer};
use crate::smtp::SmtpServer;
use hastakshar::db::{self, audit::Actor};
use hastakshar::integrity::rules::{Action, Matcher, Scope};
use hastakshar::integrity::staff;

/// Rounds of (off, on): alternating spreads the machine's drift over both, and the median of
/// the rounds' ratios sets aside a round that a neighbour on the machine disturbed.
const ROUNDS: usize = 3;

pub struct IntegrityCost {
    /// Signatures a second with the checks off, then on, one figure per round.
    pub off: Vec<f64>,
    pub on: Vec<f64>,
    pub rules: usize,
}

impl IntegrityCost {
    fn best(v: &[f64]) -> f64 {
        v.iter().copied().fold(0.0, f64::max)
    }

    pub fn best_off(&self) -> f64 {
        Self::best(&self.off)
    }

    pub fn best_on(&self) -> f64 {
        Self::best(&self.on)
    }

    /// The rate with the checks as a share of the rate without: the median of the rounds'
    /// ratios (each round runs the two back to back).
    pub fn ratio(&self) -> f64 {
        let mut r: Vec<f64> = self
            .on
            .iter()
            .zip(&self.off)
            .map(|(on, off)| on / off.max(1e-9))
            .collect();
        r.sort_by(f64::total_cmp);
        r.get(r.len() / 2).copied().unwrap_or(0.0)
    }
}

/// The rules a moderator would have in force during an attack: every kind, with limits that the
/// crowd of signers does not reach (each comes from an address and a /24 of its own, as in a
/// flash crowd), so what is measured is the checking, not the holding; the domain's limits are
/// those one would set on a large provider (all the benchmark's signers share one domain).
fn rules() -> Vec<(Matcher, Action)> {
    let rate = |scope, burst, sustained| Matcher::Rate {
        scope,
        burst: Some(burst),
        sustained: Some(sustained),
    };
    vec![
        (rate(Scope::Ip, 30, 300), Action::Hold),
        (rate(Scope::Network, 100, 1_000), Action::Hold),
        (rate(Scope::Domain, 100_000, 1_000_000), Action::Hold),
        (rate(Scope::Petition, 5_000, 50_000), Action::Hold),
        (
            Matcher::Network("198.51.100.0/24".parse().expect("a network")),
            Action::Block,
        ),
        (Matcher::Domain("spam.example".into()), Action::Block),
        (Matcher::Address("bot*@*".into()), Action::Hold),
        (Matcher::Disposable, Action::Hold),
        (Matcher::TooFast(1), Action::Hold),
        (Matcher::Honeypot, Action::Block),
    ]
}

pub async fn measure(
    backend: Backend,
    config: &Config,
    exe: &Path,
    places: &Arc<Vec<Place>>,
) -> anyhow::Result<IntegrityCost> {
    let mut cost = IntegrityCost {
        off: Vec::new(),
        on: Vec::new(),
        rules: rules().len(),
    };
    for round in 0..ROUNDS {
        for checks in [false, true] {
            let rate = one(backend, config, exe, places, checks, round).await?;
            eprintln!(
                "  integrity checks {}: {rate:.0} signatures/s",
                if checks { "on" } else { "off" }
            );
            if checks {
                cost.on.push(rate);
            } else {
                cost.off.push(rate);
            }
        }
    }
    Ok(cost)
}

async fn one(
    backend: Backend,
    config: &Config,
    exe: &Path,
    places: &Arc<Vec<Place>>,
    checks: bool,
    round: usize,
) -> anyhow::Result<f64> {
    let admin = config.pg_admin_url.clone();
    let db = tokio::task::spawn_blocking(move || -> anyhow::Result<FreshDb> {
        let db = FreshDb::create(backend, admin.as_deref())?;
        if checks {
            // Migrated here, so the rules are in the database before the server first reads.
            let pool = db::build_pool(&db.url, 2)?;
            let mut conn = pool.get()?;
            db::migrate(&mut conn)?;
            let actor = Actor::command_line("bench");
            for (m, a) in rules() {
                staff::add_rule(&mut conn, &m, a, "benchmark", &actor)?;
            }
        }
        Ok(db)
    })
    .await??;
    let sink = SmtpServer::start().await;
    let client = load::client(config.concurrency)?;
    let setting = if checks { "on" } else { "off" };
    let mut server =
        ServerProcess::start_app_with(exe, &db.url, &sink.url(), &[("INTEGRITY_CHECKS", setting)])?;
    server.wait_ready(&client, "/healthz").await?;
    // Signers post the form as the page served it: its signed time, the empty honeypot. They
    // wait a moment first, as people do, so the "too fast" rule holds none of them.
    let page = client
        .get(format!("{}/petitions/{DEMO}", server.base_url))
        .send()
        .await?
        .text()
        .await?;
    let served = page
        .split("name=\"served\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .context("the sign form carries its served time")?
        .to_string();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let url = Arc::new(format!("{}/petitions/{DEMO}/signatures", server.base_url));
    let (c, places, served) = (client.clone(), places.clone(), Arc::new(served));
    let tag = format!("integrity-{setting}-{round}");
    let outcome: Outcome = load::drive(
        config.signatures,
        config.concurrency,
        config.phase_timeout,
        move |i| {
            let signer = Signer::nth(i, &tag, &places);
            let mut fields = signer.form_fields().to_vec();
            fields.push(("served", served.as_str()));
            fields.push(("website", ""));
            // Signer i comes from 10.a.b.c, a /24 of its own.
            let ip = format!("10.{}.{}.7", (i / 256) % 256, i % 256);
            let request = c
                .post(url.as_str())
                .header("X-Forwarded-For", ip)
                .form(&fields);
            async move { load::body_len(load::fetch(request, StatusCode::SEE_OTHER).await?).await }
        },
    )
    .await;
    anyhow::ensure!(
        outcome.errors == 0,
        "signing with the checks {setting} failed: {:?}\n{}",
        outcome.first_error,
        server.log_tail()
    );
    drop(server);
    tokio::task::spawn_blocking(move || drop(db)).await?;
    Ok(outcome.per_second())
}
