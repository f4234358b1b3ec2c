//! Building the application: database, migrations, seed data, HTTP server and worker.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{Compress, ErrorHandlers, from_fn};
use actix_web::{App, HttpServer, web};
use tokio::sync::watch;

use crate::captcha::Verifier;
use crate::config::Settings;
use crate::db::{self, DbPool};
use crate::integrity::Integrity;
use crate::jobs::Worker;
use crate::metrics::Metrics;
use crate::ratelimit::Limit;
use crate::web::cache::{Shelf, TtlCache};
use crate::web::{self as routes, AppState, middleware};
use actix_web::cookie::Key;

/// Addresses the limiter remembers at most before it sweeps (about 100 bytes each).
const LIMITER_MAX_KEYS: usize = 100_000;
/// Largest request body accepted: a sign form is well under 8 KiB.
const BODY_LIMIT: usize = 64 * 1024;

pub struct Application {
    port: u16,
    /// With `METRICS_BIND`: the port of the server that answers `/metrics` alone.
    metrics_port: Option<u16>,
    metrics: Option<Server>,
    server: Server,
    pool: DbPool,
    stopping: Arc<crate::web::Stopping>,
    /// A second descriptor of the listening socket, for `Stopper`.
    listener: Option<TcpListener>,
    stop_worker: Option<watch::Sender<bool>>,
    worker: Option<tokio::task::JoinHandle<()>>,
}

/// Stops an `Application` from elsewhere (see `Application::stopper`).
pub struct Stopper {
    stopping: Arc<crate::web::Stopping>,
    handle: actix_web::dev::ServerHandle,
    /// The listening socket itself (a second descriptor of it), to refuse connections with.
    listener: Option<TcpListener>,
}

/// How long a connection may idle between requests. A proxy in front must give up on an idle
/// connection sooner (nginx's upstream `keepalive_timeout`, 4 s in `deploy/`), or it could send
/// a request into one just as it closes here.
const KEEP_ALIVE: Duration = Duration::from_secs(5);

impl Stopper {
    /// Stops gracefully: `drain` long the process says it is not ready and serves as usual.
    /// Then the listening socket is shut, so a proxy's next connection is refused (which it
    /// retries elsewhere, a POST too, since nothing of it went), and each open connection
    /// closes after its next answer; an idle one closes after `KEEP_ALIVE`, sooner at the
    /// proxy's end. Only then does the server stop, finishing what is in flight. Stopping the
    /// server at once would close every idle connection at that instant, into which a proxy
    /// may just have sent a request: nginx cannot pass such a POST on (the first server may
    /// have stored it), so its visitor would get the 503 page. With no drain (Ctrl-C), it
    /// stops at once.
    pub async fn stop(self, drain: Duration) {
        self.stopping.drain();
        if !drain.is_zero() {
            tokio::time::sleep(drain).await;
            self.handle.pause().await;
            if let Some(l) = &self.listener
                && let Err(e) = socket2::SockRef::from(l).shutdown(std::net::Shutdown::Read)
            {
                tracing::warn!(error = %e, "the listening socket could not be shut");
            }
            self.stopping.close();
            tokio::time::sleep(KEEP_ALIVE + Duration::from_millis(500)).await;
        }
        self.stopping.close();
        self.handle.stop(true).await;
    }
}

/// Connects, migrates, loads reference data and (in development) the demo petition.
pub fn prepare_database(settings: &Settings) -> anyhow::Result<DbPool> {
    let pool = db::build_pool_waiting(
        &settings.database_url,
        settings.pool_size,
        settings.pool_wait,
    )?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    db::refdata::load(&mut conn)?;
    db::refdata::load_representatives(&mut conn)?;
    db::refdata::seed_recipients(&mut conn)?;
    // The consents' wording this build shows, recorded once per version.
    for lang in crate::i18n::Lang::ALL {
        db::privacy::record_consent_set(
            &mut conn,
            crate::privacy::consent::ConsentSet::current(lang),
        )?;
    }
    if !settings.is_production()
        && let Some(id) = db::refdata::seed_demo(&mut conn)?
    {
        tracing::info!(petition = id, "demo petition created");
    }
    Ok(pool)
}

impl Application {
    /// Binds `BIND` and builds the application.
    pub async fn build(settings: Settings, run_worker: bool) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(&settings.bind)?;
        Self::build_on(listener, settings, run_worker).await
    }

    /// Builds the application on a listener bound already (tests bind port 0 and set
    /// `BASE_URL` from it first).
    pub async fn build_on(
        listener: TcpListener,
        settings: Settings,
        run_worker: bool,
    ) -> anyhow::Result<Application> {
        let s = settings.clone();
        let pool = web::block(move || prepare_database(&s)).await??;
        let metrics = Arc::new(Metrics::new());
        let captcha = match &settings.captcha {
            Some(c) => Some(Verifier::new(c, &settings.base_url)?),
            None => {
                tracing::warn!("hCaptcha is off: HCAPTCHA_SITEKEY and HCAPTCHA_SECRET are not set");
                None
            }
        };
        let integrity = Arc::new(Integrity::new(
            &settings.secret_key,
            settings.integrity_checks,
        ));
        {
            // The rules hold from the first request, not from the first refresh.
            let (i, p) = (integrity.clone(), pool.clone());
            db::run(&pool, move |c| Ok(i.refresh(c)?)).await?;
            integrity.clone().keep_fresh(p);
        }
        // On PostgreSQL several processes may serve the site: their rate limits are one quota,
        // kept in the database. A SQLite site is one process.
        let is_pg = db::run(&pool, |c| Ok(matches!(c, db::DbConnection::Pg(_)))).await?;
        let shared = || is_pg.then(|| (pool.clone(), settings.secret_key.as_slice()));
        let stopping = Arc::new(crate::web::Stopping::default());
        let signer_mail = crate::privacy::manage::SignerMail::new(&settings);
        let unsealed = db::run(&pool, |c| Ok(db::sealing::unsealed_signatures(c)?)).await?;
        signer_mail.older_forms_checked(unsealed);
        let state = web::Data::new(AppState {
            stopping: stopping.clone(),
            pool: pool.clone(),
            limiter: Limit::new("sign", settings.sign_rate, LIMITER_MAX_KEYS, shared()),
            account_ip_limiter: Limit::new(
                "account-ip",
                settings.account_ip_rate,
                LIMITER_MAX_KEYS,
                shared(),
            ),
            account_limiter: Limit::new(
                "account",
                settings.account_rate,
                LIMITER_MAX_KEYS,
                shared(),
            ),
            account_any_limiter: Limit::new(
                "account-any",
                settings.account_any_rate,
                LIMITER_MAX_KEYS,
                shared(),
            ),
            cookie_key: Key::derive_from(&settings.secret_key),
            signer_mail,
            csp: middleware::csp(captcha.is_some()),
            captcha,
            metrics: metrics.clone(),
            petitions: TtlCache::new(settings.page_cache, 10_000),
            pages: Shelf::new(settings.page_cache, 10_000),
            images: TtlCache::new(routes::images::KEPT_FOR, routes::images::KEPT),
            cards: TtlCache::new(routes::pages::CARD_KEPT_FOR, 1_000),
            body_limit: BODY_LIMIT,
            integrity: integrity.clone(),
            settings: settings.clone(),
        });
        let sweeper = state.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
            loop {
                every.tick().await;
                sweeper.limiter.sweep();
                sweeper.account_ip_limiter.sweep();
                sweeper.account_limiter.sweep();
                sweeper.account_any_limiter.sweep();
                if is_pg && let Err(e) = db::run(&sweeper.pool, |c| Ok(db::limits::sweep(c)?)).await
                {
                    tracing::warn!(error = %e, "shared rate limits not swept");
                }
                match db::run(&sweeper.pool, |c| Ok(db::sealing::unsealed_signatures(c)?)).await {
                    Ok(unsealed) => sweeper.signer_mail.older_forms_checked(unsealed),
                    Err(e) => tracing::warn!(error = %e, "unsealed signatures not looked for"),
                }
            }
        });
        let port = listener.local_addr()?.port();
        let own_listener = listener.try_clone().ok();
        let metrics_server = match &settings.metrics_bind {
            Some(bind) => {
                let listener = TcpListener::bind(bind)?;
                let metrics_port = listener.local_addr()?.port();
                let state = state.clone();
                let server = HttpServer::new(move || {
                    App::new()
                        .app_data(state.clone())
                        .configure(routes::routes::register_metrics)
                })
                .workers(1)
                .listen(listener)?
                .run();
                tracing::info!(port = metrics_port, "metrics listening");
                Some((metrics_port, server))
            }
            None => {
                if settings.is_production() && settings.metrics_token.is_none() {
                    tracing::warn!("/metrics is off: set METRICS_TOKEN or METRICS_BIND");
                }
                None
            }
        };
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(web::PayloadConfig::new(BODY_LIMIT))
                .wrap(from_fn(middleware::head_as_get))
                .wrap(from_fn(middleware::language_in_path))
                .wrap(from_fn(middleware::body_deadline))
                .wrap(ErrorHandlers::new().default_handler(middleware::error_pages))
                .wrap(from_fn(middleware::security_headers))
                .wrap(Compress::default())
                .wrap(from_fn(middleware::observe))
                .configure(routes::routes)
                .default_service(web::to(routes::not_found))
        })
        // Without it each response waits out the client's delayed acknowledgement (~40 ms).
        .tcp_nodelay(true)
        .keep_alive(KEEP_ALIVE)
        // Stopping is `Stopper::stop`'s, on the signal `main` hears.
        .disable_signals()
        .listen(listener)?
        .run();
        let (stop_worker, worker) = if run_worker {
            let (tx, rx) = watch::channel(false);
            let w = Worker::new(&settings, pool.clone(), metrics)?;
            (Some(tx), Some(tokio::spawn(w.run(rx))))
        } else {
            (None, None)
        };
        tracing::info!(port, "listening");
        let (metrics_port, metrics) = match metrics_server {
            Some((p, server)) => (Some(p), Some(server)),
            None => (None, None),
        };
        Ok(Application {
            port,
            metrics_port,
            metrics,
            server,
            pool,
            stopping,
            listener: own_listener,
            stop_worker,
            worker,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics_port
    }

    pub fn pool(&self) -> DbPool {
        self.pool.clone()
    }

    /// A way to stop gracefully, as on SIGTERM (see `Stopper::stop`).
    pub fn stopper(&self) -> Stopper {
        Stopper {
            stopping: self.stopping.clone(),
            handle: self.server.handle(),
            listener: self.listener.as_ref().and_then(|l| l.try_clone().ok()),
        }
    }

    /// A handle to stop the server gracefully from elsewhere (tests, signals).
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let metrics = self.metrics.map(|server| {
            let handle = server.handle();
            (handle, tokio::spawn(server))
        });
        let result = self.server.await;
        if let Some((handle, running)) = metrics {
            handle.stop(true).await;
            let _ = running.await;
        }
        if let Some(tx) = self.stop_worker {
            let _ = tx.send(true);
        }
        if let Some(w) = self.worker {
            let _ = w.await;
        }
        result
    }
}

/// `hastakshar worker`: the worker alone until `stop` says so. With `METRICS_BIND` it answers
/// `/healthz` and `/metrics` there: the emails it sends are counted in this process, not in the
/// app's.
pub async fn run_worker(settings: Settings, stop: watch::Receiver<bool>) -> anyhow::Result<()> {
    let s = settings.clone();
    let pool = web::block(move || prepare_database(&s)).await??;
    let metrics = Arc::new(Metrics::new());
    let ops = match &settings.metrics_bind {
        Some(bind) => {
            let data = web::Data::new(crate::web::ops::WorkerOps {
                token: settings.metrics_token.clone(),
                pool: pool.clone(),
                metrics: metrics.clone(),
            });
            let server = HttpServer::new(move || {
                App::new()
                    .app_data(data.clone())
                    .configure(routes::routes::register_worker_ops)
            })
            .workers(1)
            .disable_signals()
            .bind(bind)?
            .run();
            tracing::info!(bind = %bind, "worker metrics listening");
            Some((server.handle(), tokio::spawn(server)))
        }
        None => None,
    };
    Worker::new(&settings, pool, metrics)?.run(stop).await;
    if let Some((handle, running)) = ops {
        handle.stop(true).await;
        let _ = running.await;
    }
    Ok(())
}

/// Waits for SIGINT or SIGTERM (what systemd, Docker and Kubernetes send to stop a process);
/// `true` for SIGTERM.
pub async fn shutdown_signal() -> bool {
    use tokio::signal::unix::{SignalKind, signal};
    let term = match signal(SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => false,
                _ = term.recv() => true,
            }
        }
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
            false
        }
    };
    tracing::info!(sigterm = term, "stopping: finishing what is in hand");
    term
}
