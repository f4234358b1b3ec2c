//! Shared test support: loopback stand-ins for the outside services the
//! application talks to (SMTP relay, hCaptcha) and throw-away databases.
//!
//! Each test binary includes this module and uses only part of it, so unused
//! items are expected rather than a sign of dead code.
#![allow(dead_code)]

pub mod captcha;
pub mod smtp;
pub mod testdb;

use std::future::Future;

use tokio::sync::oneshot;

/// Binds a free port on 127.0.0.1 and serves it on a thread with a runtime of its own, so a
/// stand-in keeps answering however the test drives (or blocks) its own runtime. Serving stops
/// when the returned sender is dropped.
pub fn serve_on_own_thread<F, Fut>(name: &str, serve: F) -> (u16, oneshot::Sender<()>)
where
    F: FnOnce(tokio::net::TcpListener) -> Fut + Send + 'static,
    Fut: Future<Output = ()>,
{
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("bind a loopback port");
    listener
        .set_nonblocking(true)
        .expect("make the listener non-blocking");
    let port = listener.local_addr().expect("listener address").port();
    let (shutdown, stopped) = oneshot::channel::<()>();
    std::thread::Builder::new()
        .name(format!("test-{name}-{port}"))
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("test server runtime");
            runtime.block_on(async move {
                let listener =
                    tokio::net::TcpListener::from_std(listener).expect("register the listener");
                tokio::select! {
                    _ = stopped => {}
                    () = serve(listener) => {}
                }
            });
        })
        .expect("spawn the test server thread");
    (port, shutdown)
}
