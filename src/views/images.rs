//! A petition's picture: its creator's page to upload, describe or remove it, and the figure
//! the public page shows.

use maud::{Markup, html};

use super::forms::{Fields, Input, csrf};
use super::layout::{Ctx, page};
use crate::db::petitions::Petition;
use crate::forms::{Form, Problems};
use crate::i18n::{Arg, Lang};

/// The picture page of a petition its creator may still change.
pub struct ImagePage<'a> {
    pub petition: &'a Petition,
    /// The descriptions as typed (after a refusal) or as kept.
    pub form: &'a Form,
    pub problems: &'a Problems,
    pub csrf: &'a str,
}

/// The languages a petition's picture is described in: its own, then its translation's (the
/// field names `alt` and `alt_tr`, as the petition form names its texts).
pub fn image_langs(p: &Petition) -> Vec<(&'static str, Lang)> {
    let own = Lang::parse(&p.row.lang).unwrap_or_default();
    let mut out = vec![("alt", own)];
    if let Some(other) = p
        .texts
        .iter()
        .filter_map(|t| Lang::parse(&t.lang))
        .find(|l| *l != own)
    {
        out.push(("alt_tr", other));
    }
    out
}

/// The picture as the public page shows it, at the phone's width unless the screen is wider.
pub fn picture(lang: Lang, p: &Petition) -> Markup {
    html! {
        @if let Some(img) = &p.image {
            @let (w, h) = img.sizes[0];
            figure.picture {
                img src=(img.url(w)) srcset=(img.srcset())
                    sizes="(min-width: 42rem) 40rem, calc(100vw - 2rem)"
                    width=(w) height=(h) alt=(img.alt(lang, &p.row.lang)) decoding="async";
            }
        }
    }
}

pub fn image_page(ctx: &Ctx, v: &ImagePage<'_>) -> Markup {
    let lang = ctx.lang;
    let p = v.petition;
    let id = p.id();
    let f = Fields {
        lang,
        form: v.form,
        problems: v.problems,
    };
    let langs = image_langs(p);
    let alt_label = |l: Lang| {
        lang.ta(
            "image-alt-label",
            &[("language", Arg::Str(l.endonym().into()))],
        )
    };
    let mut labels = vec![("image", lang.t("image-field"))];
    labels.extend(langs.iter().map(|(field, l)| (*field, alt_label(*l))));
    let heading = lang.t("image-title");
    let title = if v.problems.is_empty() {
        heading.clone()
    } else {
        format!("{}: {heading}", lang.t("error-title-prefix"))
    };
    let image_problem = v.problems.of("image");
    page(
        ctx,
        &title,
        html! {
            p { a href=(lang.url(&format!("/dashboard/petitions/{id}"))) { (lang.t("image-back")) } }
            h1 { (heading) }
            p.lede { (p.text(lang).title) }
            (f.summary(&labels))
            @if let Some(img) = &p.image {
                section.current-picture aria-labelledby="current-picture" {
                    h2 #current-picture { (lang.t("image-current")) }
                    (picture(lang, p))
                    dl {
                        @for (_, l) in &langs {
                            dt { (alt_label(*l)) }
                            dd lang=(l.code()) { (img.alt(*l, &p.row.lang)) }
                        }
                    }
                    form method="post" action=(lang.url(&format!("/petitions/{id}/image/remove"))) {
                        (csrf(v.csrf))
                        button.secondary type="submit" { (lang.t("image-remove")) }
                    }
                }
            }
            div.notice {
                p { (lang.t("image-consent")) }
            }
            form.image-form method="post" action=(lang.url(&format!("/petitions/{id}/image"))) enctype="multipart/form-data" novalidate {
                (csrf(v.csrf))
                div.field.invalid[image_problem.is_some()] {
                    label for="image" { (lang.t("image-field")) }
                    p.hint id="image-hint" { (lang.ta("image-hint", &[
                        ("mb", Arg::Num((crate::images::MAX_BYTES / (1024 * 1024)) as i64)),
                        ("width", Arg::Num(i64::from(crate::images::MIN_WIDTH))),
                    ])) }
                    @if let Some(problem) = image_problem {
                        p.error id="image-error" { (lang.t(problem.key)) }
                    }
                    input #image type="file" name="image" accept="image/jpeg,image/png,image/webp"
                        aria-invalid=[image_problem.map(|_| "true")]
                        aria-describedby=(if image_problem.is_some() { "image-hint image-error" } else { "image-hint" });
                }
                @for (field, l) in &langs {
                    (f.input(Input::new(field, alt_label(*l)).max(crate::images::ALT_MAX)
                        .hint(lang.t("image-alt-hint"))))
                }
                div.actions {
                    button.primary type="submit" { (lang.t("image-upload")) }
                }
            }
        },
    )
}
