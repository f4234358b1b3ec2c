//! The server under test, a child process on a loopback port: the real `hastakshar serve` (or
//! `serve --no-worker`, `worker`).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use anyhow::Context;

use crate::fresh::ScratchDir;

/// How long a server may take to answer its first request (PostgreSQL migrations included).
const START_LIMIT: Duration = Duration::from_secs(60);

/// The release `hastakshar` binary built beside this one.
pub fn app_binary() -> anyhow::Result<PathBuf> {
    let exe = std::env::current_exe()?.with_file_name("hastakshar");
    anyhow::ensure!(
        exe.is_file(),
        "{} is missing: build both binaries first with `cargo build --release --bins`",
        exe.display()
    );
    Ok(exe)
}

/// A free loopback port. Another process could take it before the child binds it; on a bench
/// machine that is rare enough, and the child's start-up then fails loudly.
pub fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// A server running as a child process; killed when dropped.
pub struct ServerProcess {
    child: Child,
    pub base_url: String,
    log: PathBuf,
    // Holds the working directory (and log) until the child is gone.
    _dir: ScratchDir,
}

impl ServerProcess {
    /// `hastakshar serve` on `database_url`, mailing through `smtp_url`, with the sign rate
    /// limit out of the way (every client here shares one address).
    pub fn start_app(exe: &Path, database_url: &str, smtp_url: &str) -> anyhow::Result<Self> {
        Self::start_app_with(exe, database_url, smtp_url, &[])
    }

    /// The same, with `env` set on top (one setting compared against another).
    pub fn start_app_with(
        exe: &Path,
        database_url: &str,
        smtp_url: &str,
        env: &[(&str, &str)],
    ) -> anyhow::Result<Self> {
        Self::start_command(exe, &["serve"], database_url, smtp_url, env)
    }

    /// `hastakshar ARGS` (`serve --no-worker`, `worker`) as `start_app_with` sets it up.
    pub fn start_command(
        exe: &Path,
        args: &[&str],
        database_url: &str,
        smtp_url: &str,
        env: &[(&str, &str)],
    ) -> anyhow::Result<Self> {
        let port = free_port()?;
        let base_url = format!("http://127.0.0.1:{port}");
        let dir = ScratchDir::new("server")?;
        let mut command = Command::new(exe);
        // The server runs on its defaults apart from what is set here: nothing from the shell
        // (a captcha key, a pool size, a cache setting) changes what is measured.
        command
            .args(args)
            .env_clear()
            .env("DATABASE_URL", database_url)
            .env("BIND", format!("127.0.0.1:{port}"))
            .env("BASE_URL", &base_url)
            .env("SMTP_URL", smtp_url)
            .env("SIGN_RATE_BURST", "1000000")
            .env("SIGN_RATE_PER_HOUR", "1000000000")
            .env("WORKER_TICK_MS", "100")
            .env("SECRET_KEY", hex_secret())
            .env("DATA_KEY", DATA_KEY)
            .env("RUST_LOG", "warn");
        // The one deliberate exception, for experiments: BENCH_POOL_SIZE sets the server's pool.
        if let Ok(size) = std::env::var("BENCH_POOL_SIZE") {
            command.env("DATABASE_POOL_SIZE", size);
        }
        for (k, v) in env {
            command.env(k, v);
        }
        Self::spawn(command, base_url, dir)
    }

    fn spawn(mut command: Command, base_url: String, dir: ScratchDir) -> anyhow::Result<Self> {
        let log = dir.path().join("server.log");
        let out = std::fs::File::create(&log)?;
        command
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(out.try_clone()?)
            .stderr(out);
        let child = command
            .spawn()
            .with_context(|| format!("starting {:?}", command.get_program()))?;
        Ok(ServerProcess {
            child,
            base_url,
            log,
            _dir: dir,
        })
    }

    /// Waits until `path` answers 200, or fails with the child's log if it exits or never does.
    pub async fn wait_ready(&mut self, client: &reqwest::Client, path: &str) -> anyhow::Result<()> {
        let url = format!("{}{path}", self.base_url);
        let started = std::time::Instant::now();
        while started.elapsed() < START_LIMIT {
            if let Some(status) = self.child.try_wait()? {
                anyhow::bail!(
                    "the server exited ({status}) during start-up:\n{}",
                    self.log_tail()
                );
            }
            if let Ok(r) = client.get(&url).send().await
                && r.status().is_success()
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        anyhow::bail!(
            "the server did not answer {url} within {START_LIMIT:?}:\n{}",
            self.log_tail()
        )
    }

    /// Peak resident memory so far (Linux's VmHWM), in bytes.
    pub fn peak_rss(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib * 1024)
    }

    /// Resident memory now (Linux's VmRSS), in bytes.
    pub fn rss(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib * 1024)
    }

    /// The last lines the child logged, for error messages.
    pub fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        // Nothing of the child's state is kept, so a graceful stop would only add waiting.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A random key so the child never writes one to disk (it would in development).
/// The data key every server the benchmark starts seals with, so that what the benchmark writes
/// to the database itself (a backlog of emails) the server can read.
pub const DATA_KEY: &str = "2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a";

pub fn data_keys() -> hastakshar::seal::Keys {
    hastakshar::seal::Keys::parse(DATA_KEY, "").expect("a valid key")
}

fn hex_secret() -> String {
    hex::encode(rand::random::<[u8; 32]>())
}
