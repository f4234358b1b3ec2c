//! Every route of the site, each declared with who may call it. A route is registered only
//! through `Routes`, which wraps it in the guard for its access and writes it into the table
//! that `table()` returns, so the access test walks exactly what the server answers (and a test
//! refuses any route registered another way).

use actix_web::body::BoxBody;
use actix_web::dev::ServiceRequest;
use actix_web::http::Method;
use actix_web::middleware::{Next, from_fn};
use actix_web::{FromRequest, Handler, Responder, web};

use super::session::guard;
use super::{
    account, account_data, admin, api, api_tokens, assets, campaigns, crawlers, delivery, images,
    integrity, mail_events, map, my_data, ops, osdi, pages, privacy, representatives, responses,
    signing, unsubscribe,
};
use crate::accounts::Role;

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, logged in or not (the forms among these check their own CSRF token).
    Public,
    /// Any logged-in account with a confirmed address: every account is a campaigner. What is
    /// a campaigner's own (a petition, a dashboard) the handler looks up as theirs.
    Account,
    /// Moderators and admins.
    Moderator,
    Admin,
    /// A partner group's system, with an API token an admin issued (`OSDI-API-Token` or
    /// `Authorization: Bearer`); the handler checks it and answers 401 without one.
    Partner,
}

impl Access {
    /// The least role that may pass; `None` for public routes.
    pub fn role(self) -> Option<Role> {
        match self {
            Access::Public | Access::Partner => None,
            Access::Account => Some(Role::Campaigner),
            Access::Moderator => Some(Role::Moderator),
            Access::Admin => Some(Role::Admin),
        }
    }
}

/// One row of the table: a method, a path pattern as actix matches it, and its access.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
}

/// Registers routes into the app (or only lists them, for `table`).
pub struct Routes<'a> {
    cfg: Option<&'a mut web::ServiceConfig>,
    table: Vec<Route>,
}

impl Routes<'_> {
    pub fn get<F, Args>(&mut self, path: &'static str, access: Access, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add(Method::GET, path, access, handler)
    }

    pub fn post<F, Args>(&mut self, path: &'static str, access: Access, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add(Method::POST, path, access, handler)
    }

    fn add<F, Args>(
        &mut self,
        method: Method,
        path: &'static str,
        access: Access,
        handler: F,
    ) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.table.push(Route {
            method: method.clone(),
            path,
            access,
        });
        if let Some(cfg) = self.cfg.as_deref_mut() {
            let route = web::route().method(method).to(handler);
            let route = match access.role() {
                None => route,
                Some(role) => route.wrap(from_fn(
                    move |req: ServiceRequest, next: Next<BoxBody>| async move {
                        guard(role, req, next).await
                    },
                )),
            };
            cfg.route(path, route);
        }
        self
    }
}

/// The routes of the site, registered on `cfg`.
pub fn register(cfg: &mut web::ServiceConfig) {
    let mut routes = Routes {
        cfg: Some(cfg),
        table: Vec::new(),
    };
    declare(&mut routes);
}

/// The metrics server of `METRICS_BIND`: `/metrics` alone, guarded by its address (and by
/// `METRICS_TOKEN` when set).
pub fn register_metrics(cfg: &mut web::ServiceConfig) {
    cfg.route("/metrics", web::get().to(ops::serve_metrics));
}

/// What `hastakshar worker` answers on `METRICS_BIND`, the only routes of its own small server:
/// liveness and its metrics (behind `METRICS_TOKEN` when set).
pub fn register_worker_ops(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(ops::healthz))
        .route("/metrics", web::get().to(ops::worker_metrics));
}

/// Every route with its access, as `register` declares them.
pub fn table() -> Vec<Route> {
    let mut routes = Routes {
        cfg: None,
        table: Vec::new(),
    };
    declare(&mut routes);
    routes.table
}

fn declare(r: &mut Routes<'_>) {
    use Access::{Account, Admin, Moderator, Partner, Public};
    // The public site.
    r.get("/", Public, pages::home)
        .get("/petitions.json", Public, api::petitions)
        .get("/petitions/{id}.json", Public, api::petition)
        .get("/petitions", Public, pages::browse)
        .get("/petitions.atom", Public, pages::feed)
        .get("/petitions/{id:\\d+}", Public, pages::petition)
        .get("/images/{file}", Public, images::serve)
        .get("/petitions/{id:\\d+}/method", Public, integrity::method)
        .get("/petitions/{id:\\d+}/map", Public, map::page)
        .get("/petitions/{id:\\d+}/embed", Public, pages::embed)
        .get("/petitions/{id:\\d+}/card.png", Public, pages::card)
        .get("/representatives", Public, representatives::list)
        .get("/representatives/{pc_id}", Public, representatives::member)
        .get("/responses/{file}", Public, responses::document)
        .post("/petitions/{id:\\d+}/embed", Public, signing::sign_embedded)
        .post("/petitions/{id:\\d+}/signatures", Public, signing::sign)
        .get(
            "/petitions/{id:\\d+}/signatures",
            Public,
            pages::sign_form_again,
        )
        .post("/petitions/{id:\\d+}/lookup", Public, signing::lookup)
        .get(
            "/petitions/{id:\\d+}/check-email",
            Public,
            pages::check_email,
        )
        .get("/confirm/{token}", Public, signing::confirm_page)
        .post("/confirm/{token}", Public, signing::confirm)
        .post("/confirm/{token}/renew", Public, signing::renew)
        .get(
            "/unsubscribe/{id}/{mac}",
            Public,
            unsubscribe::unsubscribe_page,
        )
        .post("/unsubscribe/{id}/{mac}", Public, unsubscribe::unsubscribe)
        .get("/privacy", Public, privacy::notice)
        .get("/privacy/contact", Public, privacy::contact_form)
        .post("/privacy/contact", Public, privacy::contact)
        // A signer's own data, without an account: the link's MAC is the authority.
        .get("/my-data", Public, my_data::request_form)
        .post("/my-data", Public, my_data::request)
        .get(
            "/my-data/{address}/{expires}/{mac}",
            Public,
            my_data::manage,
        )
        .post(
            "/my-data/{address}/{expires}/{mac}/renew",
            Public,
            my_data::renew,
        )
        .post(
            "/my-data/{address}/{expires}/{mac}/consents",
            Public,
            my_data::consents,
        )
        .post(
            "/my-data/{address}/{expires}/{mac}/withdraw",
            Public,
            my_data::withdraw,
        )
        .post(
            "/my-data/{address}/{expires}/{mac}/download",
            Public,
            my_data::download,
        )
        .post(
            "/my-data/{address}/{expires}/{mac}/erase",
            Public,
            my_data::erase,
        )
        .get("/support/{key}", Public, campaigns::support)
        .get("/api/petitions/similar", Public, campaigns::similar_api)
        .get("/api/pincodes/{pin}", Public, api::pincode)
        .get("/api/openapi.json", Public, api::openapi)
        .get("/lang/{code}", Public, pages::switch_language)
        .get("/assets/{file}", Public, assets::serve)
        .get("/robots.txt", Public, crawlers::robots)
        .get("/sitemap.xml", Public, crawlers::sitemap)
        .get("/manifest.webmanifest", Public, crawlers::manifest)
        .get("/healthz", Public, ops::healthz)
        .get("/readyz", Public, ops::readyz)
        // Guarded by its own token or address (see `ops::metrics`).
        .get("/metrics", Public, ops::metrics)
        // Guarded by an HMAC under MAIL_EVENTS_SECRET (see `mail_events`).
        .post("/hooks/mail-events", Public, mail_events::report)
        .post("/hooks/mail-events/mailgun", Public, mail_events::mailgun);
    // Accounts.
    r.get("/account/signup", Public, account::signup_form)
        .post("/account/signup", Public, account::signup)
        .get("/account/check-email", Public, account::check_email)
        .get("/account/confirm/{token}", Public, account::confirm_page)
        .post("/account/confirm/{token}", Public, account::confirm)
        .get("/account/login", Public, account::login_form)
        .post("/account/login", Public, account::login)
        .post("/account/logout", Public, account::logout)
        .get("/account/password-reset", Public, account::reset_form)
        .post("/account/password-reset", Public, account::reset_request)
        .get(
            "/account/password-reset/{token}",
            Public,
            account::new_password_form,
        )
        .post(
            "/account/password-reset/{token}",
            Public,
            account::new_password,
        )
        // Confirmed from the inbox: the token in the link is the credential.
        .get("/account/delete/{token}", Public, account_data::delete_page)
        .post("/account/delete/{token}", Public, account_data::delete);
    // Campaigners, on their own petitions.
    r.get("/petitions/new", Account, campaigns::new_form)
        .post("/petitions/new", Account, campaigns::create)
        .get("/petitions/{id:\\d+}/edit", Account, campaigns::edit_form)
        .post("/petitions/{id:\\d+}/edit", Account, campaigns::edit)
        .post("/petitions/{id:\\d+}/submit", Account, campaigns::submit)
        .get(
            "/petitions/{id:\\d+}/updates/new",
            Account,
            campaigns::update_form,
        )
        .post(
            "/petitions/{id:\\d+}/updates/new",
            Account,
            campaigns::post_update,
        )
        .get("/petitions/{id:\\d+}/image", Account, images::page)
        .post("/petitions/{id:\\d+}/image", Account, images::upload)
        .post("/petitions/{id:\\d+}/image/remove", Account, images::remove)
        .get("/dashboard", Account, campaigns::dashboard)
        .post("/account/data", Account, account_data::download)
        .post("/account/delete", Account, account_data::request_delete)
        .get("/dashboard/petitions/{id:\\d+}", Account, campaigns::detail);
    // Moderation, accounts and the audit log.
    r.get("/admin", Moderator, admin::home)
        .get("/admin/moderation", Moderator, admin::moderation)
        .get("/admin/petitions", Moderator, admin::petitions_page)
        .get("/admin/petitions/{id}", Moderator, admin::review)
        .post("/admin/petitions/{id}/featured", Moderator, admin::feature)
        .post("/admin/petitions/{id}/decision", Moderator, admin::decide)
        .post(
            "/admin/updates/{id}/decision",
            Moderator,
            admin::decide_update,
        )
        .get("/admin/users", Admin, admin::list_users)
        .get("/admin/api-tokens", Admin, api_tokens::page)
        .post("/admin/api-tokens", Admin, api_tokens::issue)
        .post("/admin/api-tokens/{id}/revoke", Admin, api_tokens::revoke)
        .post("/admin/users/{id}/role", Admin, admin::set_role)
        .get("/admin/audit", Admin, admin::audit_log)
        // Requests to the grievance officer, and what one address holds: personal data.
        .get("/admin/privacy", Admin, privacy::staff)
        .post("/admin/privacy/requests/{id}", Admin, privacy::answer)
        .post("/admin/privacy/lookup", Admin, privacy::lookup);
    // Integrity: the console and its actions (moderators), the rules (admins).
    r.get(
        "/admin/petitions/{id}/integrity",
        Moderator,
        integrity::page,
    )
    .post(
        "/admin/petitions/{id}/integrity/lookup",
        Moderator,
        integrity::lookup,
    )
    .post(
        "/admin/petitions/{id}/invalidations",
        Moderator,
        integrity::invalidate,
    )
    .post(
        "/admin/invalidations/{id}/cancel",
        Moderator,
        integrity::cancel,
    )
    .post(
        "/admin/petitions/{id}/held/release",
        Moderator,
        integrity::release,
    )
    .get("/admin/rules", Admin, integrity::rules)
    .post("/admin/rules", Admin, integrity::add_rule)
    .post("/admin/rules/{id}/delete", Admin, integrity::remove_rule);
    // Delivery (an export with email addresses is for admins alone: its handler says so).
    r.get("/admin/petitions/{id}/delivery", Moderator, delivery::page)
        .get(
            "/admin/petitions/{id}/exports/{file}",
            Moderator,
            delivery::export,
        )
        .get(
            "/admin/petitions/{id}/packs/{file}",
            Moderator,
            delivery::pack,
        )
        .post(
            "/admin/petitions/{id}/packs.zip",
            Moderator,
            delivery::start_zip,
        )
        .post(
            "/admin/petitions/{id}/deliver",
            Moderator,
            delivery::deliver,
        )
        .post(
            "/admin/petitions/{id}/deliveries/{d}/retry",
            Moderator,
            delivery::retry,
        )
        .get("/admin/jobs/{id}", Moderator, delivery::job)
        .get(
            "/admin/jobs/{id}/download",
            Moderator,
            delivery::job_download,
        )
        .get("/admin/recipients", Moderator, delivery::recipients_page)
        .post(
            "/admin/recipients/ministry/{id}",
            Moderator,
            delivery::save_ministry,
        )
        .post(
            "/admin/recipients/member/{pc}",
            Moderator,
            delivery::save_member,
        )
        .get(
            "/admin/petitions/{id}/responses",
            Moderator,
            responses::page,
        )
        .post(
            "/admin/petitions/{id}/responses",
            Moderator,
            responses::record,
        )
        .post(
            "/admin/petitions/{id}/thresholds",
            Moderator,
            responses::add_threshold,
        )
        .post(
            "/admin/petitions/{id}/thresholds/{n}/remove",
            Moderator,
            responses::remove_threshold,
        )
        .get("/admin/letters", Moderator, delivery::letters)
        .post("/admin/letters", Moderator, delivery::save_letter);
    // Partner groups' systems: the OSDI petition and signature resources, each behind a token.
    r.get("/osdi/v1", Partner, osdi::entry)
        .get("/osdi/v1/petitions", Partner, osdi::petitions)
        .get("/osdi/v1/petitions/{id}", Partner, osdi::petition)
        .get(
            "/osdi/v1/petitions/{id}/signatures",
            Partner,
            osdi::signatures,
        )
        .post("/osdi/v1/petitions/{id}/signatures", Partner, osdi::record);
}
