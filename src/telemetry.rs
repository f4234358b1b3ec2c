//! Logs: human-readable in development, JSON in production, filtered by `RUST_LOG`.
//! No log line carries an email address, a name, a token or an IP address: handlers log route
//! patterns and row ids only.

use tracing_subscriber::{EnvFilter, fmt, prelude::*};

pub fn init(json: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let registry = tracing_subscriber::registry().with(filter);
    let result = if json {
        registry
            .with(
                fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_current_span(true),
            )
            .try_init()
    } else {
        // Colours only on a terminal: a log file or a collector gets plain text.
        let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout());
        registry
            .with(fmt::layer().with_target(false).with_ansi(ansi))
            .try_init()
    };
    // Tests start many apps in one process; only the first sets the subscriber.
    let _ = result;
}
