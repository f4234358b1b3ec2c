//! A site as production runs it, on loopback: a PostgreSQL server of the test's own (initdb and
//! pg_ctl on a free port, so the test may stop it), several `hastakshar` processes, a worker, and
//! nginx in front with the shipped `deploy/nginx/proxy.conf` included as it is.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::operations::Drained;

/// A free TCP port on 127.0.0.1 (bound, read, released).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// The directory of PostgreSQL's server programs, if they are on this machine.
pub fn postgres_bin() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("PG_BINDIR") {
        return Some(PathBuf::from(dir));
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("bin"))
        .filter(|p| p.join("pg_ctl").exists())
        .collect();
    found.sort();
    found.pop()
}

/// Whether this machine can run the fault tests: PostgreSQL's server programs and nginx. In CI
/// (`CI` set) a missing one is a failure, not a skip: `.ci/run` installs them.
pub fn can_run() -> bool {
    let nginx = Command::new("nginx").arg("-v").output().is_ok();
    let ok = postgres_bin().is_some() && nginx;
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "the fault tests need PostgreSQL's server programs and nginx (.ci/run installs them)"
        );
        eprintln!("skipped: PostgreSQL's server programs or nginx are missing");
    }
    ok
}

/// A PostgreSQL server of the test's own, stopped and removed when dropped.
pub struct OwnPostgres {
    dir: tempfile::TempDir,
    bin: PathBuf,
    pub port: u16,
}

impl OwnPostgres {
    pub fn start() -> OwnPostgres {
        let bin = postgres_bin().expect("PostgreSQL's server programs");
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let pg = OwnPostgres { dir, bin, port };
        if is_root() {
            // initdb refuses root: the cluster belongs to the postgres user.
            let status = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(pg.dir.path())
                .status()
                .unwrap();
            assert!(status.success());
        }
        pg.run(
            "initdb",
            &[
                "-D",
                &pg.data(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
        );
        pg.up();
        pg
    }

    fn data(&self) -> String {
        self.dir.path().join("data").to_string_lossy().to_string()
    }

    /// Runs one of PostgreSQL's programs, as the postgres user when the test runs as root.
    fn run(&self, program: &str, args: &[&str]) {
        let path = self.bin.join(program);
        let mut command = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&path);
            c
        } else {
            Command::new(&path)
        };
        let out = command
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("{program}: {e}"));
        assert!(
            out.status.success(),
            "{program} {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Starts the server and waits until it accepts connections.
    pub fn up(&self) {
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -c unix_socket_directories={} -c max_connections=100",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("postgres.log");
        self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data(),
                "-o",
                &options,
                "-l",
                &log.to_string_lossy(),
                "-w",
                "start",
            ],
        );
    }

    /// Stops the server the way an operator restarting it does (fast: sessions are cut, what
    /// was committed is on disk).
    pub fn down(&self) {
        self.run("pg_ctl", &["-D", &self.data(), "-m", "fast", "-w", "stop"]);
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let path = self.bin.join("pg_ctl");
        let data = self.data();
        let args = ["-D", data.as_str(), "-m", "immediate", "-w", "stop"];
        let _ = if is_root() {
            Command::new("runuser")
                .args(["-u", "postgres", "--"])
                .arg(&path)
                .args(args)
                .output()
        } else {
            Command::new(&path).args(args).output()
        };
    }
}

/// One `hastakshar` process: its logs and, for a server, its port.
pub struct Proc {
    child: Option<Child>,
    pub logs: Drained,
    pub port: u16,
}

/// What every process of a cluster shares.
/// The data key every process of a test cluster seals with.
pub const CLUSTER_DATA_KEY: &str =
    "5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c";

pub fn cluster_keys() -> hastakshar::seal::Keys {
    hastakshar::seal::Keys::parse(CLUSTER_DATA_KEY, "").unwrap()
}

pub fn cluster_env(database_url: &str, smtp_url: &str) -> Vec<(String, String)> {
    [
        ("DATABASE_URL", database_url),
        ("BASE_URL", "http://site.invalid"),
        ("SMTP_URL", smtp_url),
        ("TRUSTED_PROXIES", "127.0.0.1"),
        ("WORKER_TICK_MS", "50"),
        ("SIGN_RATE_BURST", "1000000"),
        ("SIGN_RATE_PER_HOUR", "1000000000"),
        ("DATABASE_WAIT_MS", "2000"),
        ("DATABASE_POOL_SIZE", "8"),
        ("SHUTDOWN_DRAIN_MS", "1000"),
        ("RUST_LOG", "info"),
        // One key for all, as in production: a session cookie or link made by one process is
        // good in every other.
        (
            "SECRET_KEY",
            "a-test-secret-key-shared-by-every-process-0123456789",
        ),
        ("DATA_KEY", CLUSTER_DATA_KEY),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// The real binary with `args` in `dir`, from a clean environment (PATH and `env`), its output
/// drained as it runs.
pub fn spawn_binary<K: AsRef<OsStr>, V: AsRef<OsStr>>(
    args: &[&str],
    env: &[(K, V)],
    dir: &Path,
) -> (Child, Drained) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hastakshar"));
    command
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().unwrap();
    let logs = Drained::from(&mut child);
    (child, logs)
}

/// The port a server says it listens on, once it has said so.
pub async fn listening_port(logs: &Drained) -> u16 {
    let line = logs
        .line("the port it listens on", |l| {
            l.contains("listening") && l.contains("port=")
        })
        .await;
    line.split("port=")
        .nth(1)
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("a port in {line:?}"))
}

impl Proc {
    /// `hastakshar serve --no-worker` on `port` (0: one of its choosing), once it listens.
    pub async fn serve(env: &[(String, String)], dir: &Path, port: u16) -> Proc {
        let mut env = env.to_vec();
        env.push(("BIND".into(), format!("127.0.0.1:{port}")));
        let (child, logs) = spawn_binary(&["serve", "--no-worker"], &env, dir);
        let port = listening_port(&logs).await;
        Proc {
            child: Some(child),
            logs,
            port,
        }
    }

    /// `hastakshar worker`, once it has started.
    pub async fn worker(env: &[(String, String)], dir: &Path) -> Proc {
        let (child, logs) = spawn_binary(&["worker"], env, dir);
        logs.line("the worker starting", |l| l.contains("worker started"))
            .await;
        Proc {
            child: Some(child),
            logs,
            port: 0,
        }
    }

    /// The operating system's kill: no chance to finish anything.
    pub fn kill9(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// SIGTERM, what systemd, Docker and Kubernetes send; then waits up to `within` for the
    /// process to exit, and returns whether it exited with success.
    pub fn terminate(&mut self, within: Duration) -> bool {
        let mut c = self.child.take().expect("a running process");
        let status = Command::new("kill")
            .args(["-TERM", &c.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + within;
        loop {
            if let Some(s) = c.try_wait().unwrap() {
                return s.success();
            }
            if Instant::now() > deadline {
                let _ = c.kill();
                let _ = c.wait();
                panic!(
                    "still running {within:?} after SIGTERM:\n{}",
                    self.logs.text()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// nginx in front of `upstreams`, with the shipped `deploy/nginx/proxy.conf` included as is.
pub struct Nginx {
    child: Child,
    _dir: tempfile::TempDir,
    pub port: u16,
}

impl Nginx {
    pub async fn start(upstreams: &[u16]) -> Nginx {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let proxy = Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/nginx/proxy.conf");
        assert!(proxy.exists(), "{} is shipped", proxy.display());
        let servers: String = upstreams
            .iter()
            .map(|p| format!("        server 127.0.0.1:{p} max_fails=1 fail_timeout=2s;\n"))
            .collect();
        let d = dir.path().display();
        let user = if is_root() { "user root;\n" } else { "" };
        let conf = format!(
            "{user}worker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\n\
             events {{ worker_connections 1024; }}\n\
             http {{\n    access_log off;\n    client_body_temp_path {d}/body;\n    proxy_temp_path {d}/proxy;\n\
                 fastcgi_temp_path {d}/fastcgi;\n    uwsgi_temp_path {d}/uwsgi;\n    scgi_temp_path {d}/scgi;\n\
                 upstream hastakshar_app {{\n{servers}        keepalive 16;\n        keepalive_timeout 4s;\n    }}\n\
                 server {{\n        listen 127.0.0.1:{port};\n        include {};\n    }}\n}}\n",
            proxy.display()
        );
        std::fs::write(dir.path().join("nginx.conf"), conf).unwrap();
        let child = Command::new("nginx")
            .arg("-p")
            .arg(dir.path())
            .arg("-c")
            .arg(dir.path().join("nginx.conf"))
            .args(["-g", "daemon off;"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "nginx never listened");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Nginx {
            child,
            _dir: dir,
            port,
        }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// What nginx said went wrong with the upstreams (refused, closed early...).
    pub fn error_log(&self) -> String {
        std::fs::read_to_string(self._dir.path().join("error.log")).unwrap_or_default()
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One answer of a signing load: who signed, when the request left and came back, and how it
/// was answered (0: no answer at all).
#[derive(Debug, Clone)]
pub struct Answer {
    pub email: String,
    pub sent: Instant,
    pub took: Duration,
    pub status: u16,
}

/// Signs the demo petition through `base` from `clients` concurrent clients, each from its own
/// address and pausing 100 ms between its signatures (a load the worker's mail keeps up with,
/// so that the test can wait for every email), until `stop` turns true; every answer recorded.
pub async fn signing_load(
    base: String,
    clients: usize,
    stop: tokio::sync::watch::Receiver<bool>,
    tag: &'static str,
) -> Vec<Answer> {
    let mut tasks = Vec::new();
    for c in 0..clients {
        let base = base.clone();
        let stop = stop.clone();
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(40))
                .build()
                .unwrap();
            let mut answers = Vec::new();
            let mut i = 0;
            while !*stop.borrow() {
                i += 1;
                let ip = format!("198.51.100.{}", c + 1);
                answers.push(
                    sign_once(&client, &base, &format!("{tag}.{c}.{i}@example.in"), &ip).await,
                );
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            answers
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    all
}

/// Signs the demo petition through `base` as `email` from `ip`, and records the answer.
pub async fn sign_once(client: &reqwest::Client, base: &str, email: &str, ip: &str) -> Answer {
    let f = crate::helpers::form(email);
    let sent = Instant::now();
    let status = client
        .post(format!("{base}/petitions/1/signatures"))
        .header("X-Forwarded-For", ip)
        .form(&crate::helpers::as_refs(&f))
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0);
    Answer {
        email: email.to_string(),
        sent,
        took: sent.elapsed(),
        status,
    }
}

/// A connection to the cluster's PostgreSQL database at `url`.
fn connect(url: &str) -> diesel::PgConnection {
    use diesel::Connection;
    diesel::PgConnection::establish(url).expect("a cluster runs on PostgreSQL")
}

/// A number from the database at `url`.
pub fn count(url: &str, sql: &str) -> i64 {
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(sql)
        .get_result::<N>(&mut connect(url))
        .unwrap()
        .n
}

/// Every email (by recipient) among `emails` that is stored as a signature of the demo petition.
pub fn stored(url: &str, emails: &[String]) -> std::collections::HashSet<String> {
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct E {
        #[diesel(sql_type = diesel::sql_types::Text)]
        email: String,
    }
    let all: Vec<E> = diesel::sql_query("SELECT email FROM signatures WHERE petition_id = 1")
        .load(&mut connect(url))
        .unwrap();
    let wanted: std::collections::HashSet<&String> = emails.iter().collect();
    let keys = cluster_keys();
    all.into_iter()
        .map(|e| keys.open(&e.email).unwrap())
        .filter(|e| wanted.contains(e))
        .collect()
}
