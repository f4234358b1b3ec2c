//! Form fields drawn the same way everywhere: a label, an optional hint, the error (tied to the
//! field with `aria-describedby`), the value as typed, and an error summary that links to each
//! field at fault.

use maud::{Markup, html};

use crate::forms::{Form, Problem, Problems};
use crate::i18n::Lang;

pub struct Fields<'a> {
    pub lang: Lang,
    pub form: &'a Form,
    pub problems: &'a Problems,
}

pub struct Input<'a> {
    pub field: &'static str,
    pub label: String,
    pub kind: &'a str,
    pub hint: Option<String>,
    pub maxlength: Option<usize>,
    pub autocomplete: Option<&'a str>,
}

impl<'a> Input<'a> {
    pub fn new(field: &'static str, label: String) -> Input<'a> {
        Input {
            field,
            label,
            kind: "text",
            hint: None,
            maxlength: None,
            autocomplete: None,
        }
    }
    pub fn kind(mut self, kind: &'a str) -> Self {
        self.kind = kind;
        self
    }
    pub fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }
    pub fn max(mut self, n: usize) -> Self {
        self.maxlength = Some(n);
        self
    }
    pub fn autocomplete(mut self, a: &'a str) -> Self {
        self.autocomplete = Some(a);
        self
    }
}

impl Fields<'_> {
    fn message(&self, p: &Problem, label: &str) -> String {
        let msg = self.lang.t(p.key);
        if matches!(p.key, "error-required" | "error-too-long") {
            format!("{label}: {msg}")
        } else {
            msg
        }
    }

    fn described(&self, field: &str, has_hint: bool) -> Option<String> {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{field}-hint"));
        }
        if self.problems.of(field).is_some() {
            ids.push(format!("{field}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    fn head(&self, i: &Input<'_>) -> Markup {
        html! {
            label for=(i.field) { (i.label) }
            @if let Some(h) = &i.hint { p.hint id={ (i.field) "-hint" } { (h) } }
            @if let Some(p) = self.problems.of(i.field) {
                p.error id={ (i.field) "-error" } { (self.message(p, &i.label)) }
            }
        }
    }

    pub fn input(&self, i: Input<'_>) -> Markup {
        let invalid = self.problems.of(i.field).is_some();
        // Passwords are never sent back to the browser.
        let value = if i.kind == "password" {
            ""
        } else {
            self.form.get(i.field)
        };
        html! {
            div.field.invalid[invalid] {
                (self.head(&i))
                input id=(i.field) name=(i.field) type=(i.kind) value=(value)
                    maxlength=[i.maxlength] autocomplete=[i.autocomplete]
                    aria-invalid=[invalid.then_some("true")]
                    aria-describedby=[self.described(i.field, i.hint.is_some())];
            }
        }
    }

    pub fn textarea(&self, i: Input<'_>, rows: u32) -> Markup {
        let invalid = self.problems.of(i.field).is_some();
        html! {
            div.field.invalid[invalid] {
                (self.head(&i))
                textarea id=(i.field) name=(i.field) rows=(rows) maxlength=[i.maxlength]
                    aria-invalid=[invalid.then_some("true")]
                    aria-describedby=[self.described(i.field, i.hint.is_some())] {
                    (self.form.get(i.field))
                }
            }
        }
    }

    /// A select of `(value, label)` options.
    pub fn select(&self, i: Input<'_>, options: &[(String, String)]) -> Markup {
        let invalid = self.problems.of(i.field).is_some();
        let current = self.form.get(i.field);
        html! {
            div.field.invalid[invalid] {
                (self.head(&i))
                select id=(i.field) name=(i.field)
                    aria-invalid=[invalid.then_some("true")]
                    aria-describedby=[self.described(i.field, i.hint.is_some())] {
                    @for (value, label) in options {
                        option value=(value) selected[value == current] { (label) }
                    }
                }
            }
        }
    }

    /// The list of problems at the top of a form, each a link to its field. `labels` gives the
    /// label of each field that can fail.
    pub fn summary(&self, labels: &[(&str, String)]) -> Markup {
        html! {
            @if !self.problems.is_empty() {
                div.error-summary role="alert" tabindex="-1" aria-labelledby="error-summary-title" {
                    h2 #error-summary-title { (self.lang.t("form-error-summary")) }
                    ul {
                        @for p in &self.problems.0 {
                            @let label = labels.iter().find(|(f, _)| *f == p.field).map(|(_, l)| l.as_str()).unwrap_or(p.field);
                            li { a href={ "#" (p.field) } { (self.message(p, label)) } }
                        }
                    }
                }
            }
        }
    }
}

/// The hCaptcha widget, on a page whose context carries the site key (the captcha is on and this
/// form asks for it), with a word for readers without JavaScript.
pub fn captcha(ctx: &super::Ctx) -> Markup {
    html! {
        @if let Some(key) = &ctx.captcha_sitekey {
            div.h-captcha #h-captcha-response data-sitekey=(key) {}
            noscript { p.hint { (ctx.lang.t("captcha-needs-js")) } }
        }
    }
}

/// The hidden CSRF field every state-changing form carries.
pub fn csrf(token: &str) -> Markup {
    html! { input type="hidden" name="csrf" value=(token); }
}
