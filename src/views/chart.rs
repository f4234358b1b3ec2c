//! An inline SVG bar chart of signatures per day.
//!
//! Drawn on the server so that it needs no script. A strict CSP forbids
//! inline styles, so it has no `style` at all: class names for CSS, and
//! presentation attributes (`fill`, `stroke`) so it still reads without any.
//! It has a `viewBox` and no fixed size, so CSS scales it; `role="img"` and
//! its `<title>` name it for assistive technology, and each bar has a tooltip.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::{Days, NaiveDate};
use maud::{Markup, html};

use crate::i18n::Lang;

/// At most a year of bars (with a leap day); older days are dropped.
const MAX_BARS: u64 = 366;
/// Drawn at about a phone's width, so that its 13-unit labels read at 13 pixels there (CSS
/// keeps it from growing much past that on a desktop).
const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 180.0;
/// Room for the y-axis label on the left and the date labels below.
const LEFT: f64 = 44.0;
const RIGHT: f64 = 4.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 26.0;

/// A bar chart of `days` (a date and its count of signatures) named `title`.
///
/// The input may be unsorted; duplicate dates are added up, negative counts
/// count as zero, and days missing between the first and the last are drawn
/// as zero so that gaps show.
pub fn per_day_svg(lang: Lang, days: &[(NaiveDate, i64)], title: &str) -> Markup {
    let bars = fill_days(days);
    let id = title_id(title, &bars);
    let max = bars.iter().map(|&(_, n)| n).max().unwrap_or(0).max(1);
    let (plot_w, plot_h) = (WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    let base = TOP + plot_h;
    let slot = plot_w / bars.len().max(1) as f64;
    let label_y = base + BOTTOM - 6.0;
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (WIDTH) " " (HEIGHT) }
            class="chart chart-per-day" role="img" aria-labelledby=(id) {
            title id=(id) { (title) }
            g class="chart-axis" stroke="currentColor" {
                line x1=(LEFT) y1=(TOP) x2=(LEFT) y2=(base) {}
                line x1=(LEFT) y1=(base) x2=(WIDTH - RIGHT) y2=(base) {}
            }
            @if let (Some((first, _)), Some((last, _))) = (bars.first(), bars.last()) {
                g class="chart-labels" fill="currentColor" font-size="13" {
                    text x=(LEFT - 4.0) y=(TOP + 10.0) text-anchor="end" { (lang.number(max)) }
                    text x=(LEFT - 4.0) y=(base) text-anchor="end" { "0" }
                    text x=(LEFT) y=(label_y) text-anchor="start" { (lang.date(*first)) }
                    @if bars.len() > 1 {
                        text x=(WIDTH - RIGHT) y=(label_y) text-anchor="end" { (lang.date(*last)) }
                    }
                }
                g class="chart-bars" fill="currentColor" {
                    @for (i, &(day, n)) in bars.iter().enumerate() {
                        @let (x, h) = (LEFT + slot * (i as f64 + 0.1), bar_height(n, max, plot_h));
                        rect class="chart-bar" x=(round(x)) y=(round(base - h))
                            width=(round(slot * 0.8)) height=(round(h)) {
                            title { (lang.date(day)) ": " (lang.number(n)) }
                        }
                    }
                }
            }
        }
    }
}

/// One entry per day from the first to the last (at most [`MAX_BARS`]).
fn fill_days(days: &[(NaiveDate, i64)]) -> Vec<(NaiveDate, i64)> {
    let mut counts = BTreeMap::new();
    for &(day, n) in days {
        let count: &mut i64 = counts.entry(day).or_default();
        *count = count.saturating_add(n.max(0));
    }
    let (Some((&first, _)), Some((&last, _))) = (counts.first_key_value(), counts.last_key_value())
    else {
        return Vec::new();
    };
    let start = last
        .checked_sub_days(Days::new(MAX_BARS - 1))
        .map_or(first, |start| start.max(first));
    // Not `iter_days`, which stops short of `NaiveDate::MAX`.
    std::iter::successors(Some(start), |day| day.succ_opt())
        .take_while(|day| *day <= last)
        .map(|day| (day, counts.get(&day).copied().unwrap_or(0)))
        .collect()
}

/// A non-zero count gets at least a sliver, so that it shows.
fn bar_height(n: i64, max: i64, plot_h: f64) -> f64 {
    let h = n as f64 / max as f64 * plot_h;
    if n > 0 { h.max(1.0) } else { 0.0 }
}

fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// An id for the `<title>`, stable for the same chart and distinct between
/// charts on one page.
fn title_id(title: &str, bars: &[(NaiveDate, i64)]) -> String {
    let mut hasher = DefaultHasher::new();
    (title, bars).hash(&mut hasher);
    format!("chart-title-{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("a valid test date")
    }

    fn svg(days: &[(&str, i64)], title: &str) -> String {
        let days: Vec<_> = days.iter().map(|&(d, n)| (day(d), n)).collect();
        per_day_svg(Lang::En, &days, title).into_string()
    }

    fn assert_well_formed(out: &str) {
        assert!(!out.contains("style"), "{out}");
        let open = out.split('>').next().unwrap_or_default();
        assert!(
            open.starts_with("<svg") && open.contains(r#"viewBox="0 0 360 180""#),
            "{open}"
        );
        assert!(open.contains(r#"role="img""#), "{open}");
        assert!(
            !open.contains(" width=") && !open.contains(" height="),
            "{open}"
        );
        let id = open
            .split("aria-labelledby=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default();
        assert!(
            id.starts_with("chart-title-") && out.contains(&format!(r#"<title id="{id}">"#)),
            "{out}"
        );
        for tag in ["svg", "g", "line", "rect", "text", "title"] {
            let opened =
                out.matches(&format!("<{tag} ")).count() + out.matches(&format!("<{tag}>")).count();
            assert_eq!(
                opened,
                out.matches(&format!("</{tag}>")).count(),
                "unclosed <{tag}> in {out}"
            );
        }
    }

    #[test]
    fn bars_span_the_days_with_gaps_as_zero() {
        let out = svg(
            &[("2024-02-27", 3), ("2024-03-02", 10), ("2024-02-28", 5)],
            "Signatures",
        );
        assert_well_formed(&out);
        assert_eq!(out.matches("<rect").count(), 5, "{out}");
        for tooltip in [
            "27 February 2024: 3",
            "28 February 2024: 5",
            "29 February 2024: 0",
            "1 March 2024: 0",
            "2 March 2024: 10",
        ] {
            assert!(
                out.contains(&format!("<title>{tooltip}</title>")),
                "{tooltip} in {out}"
            );
        }
        assert!(out.contains(r#"text-anchor="end">10</text>"#), "{out}");
        assert!(
            out.contains(">27 February 2024</text>") && out.contains(">2 March 2024</text>"),
            "{out}"
        );
        // The tallest bar reaches the top of the plot, a zero is flat.
        assert!(
            out.contains(r#"y="8" width="#) && out.contains(r#"height="0""#),
            "{out}"
        );
    }

    #[test]
    fn title_is_escaped() {
        let out = svg(&[("2024-01-01", 1)], r#"<script>alert("x")</script> & co"#);
        assert_well_formed(&out);
        assert!(!out.contains("<script"));
        assert!(
            out.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</title>"),
            "{out}"
        );
    }

    #[test]
    fn empty_input_has_title_and_axes_only() {
        let out = svg(&[], "Nothing yet");
        assert_well_formed(&out);
        assert!(out.contains(">Nothing yet</title>"));
        assert_eq!(out.matches("<line").count(), 2);
        assert!(!out.contains("<rect") && !out.contains("<text"), "{out}");
    }

    #[test]
    fn one_day() {
        let out = svg(&[("2024-01-01", 0)], "t");
        assert_well_formed(&out);
        assert_eq!(out.matches("<rect").count(), 1);
        assert_eq!(
            out.matches("1 January 2024").count(),
            2,
            "one date label and one tooltip: {out}"
        );
    }

    #[test]
    fn keeps_the_last_366_days() {
        let days: Vec<_> = (0..500u64)
            .map(|i| (day("2023-01-01") + Days::new(i), 1))
            .collect();
        let out = per_day_svg(Lang::En, &days, "t").into_string();
        assert_well_formed(&out);
        assert_eq!(out.matches("<rect").count(), 366);
        let last = day("2023-01-01") + Days::new(499);
        let first = last - Days::new(365);
        let (first_words, last_words) = (Lang::En.date(first), Lang::En.date(last));
        assert!(
            out.contains(&format!(">{first_words}</text>"))
                && out.contains(&format!(">{last_words}</text>"))
        );
        let before = Lang::En.date(first - Days::new(1));
        assert!(!out.contains(&format!("{before}: ")));
    }

    #[test]
    fn odd_input_does_not_panic() {
        let days = [
            (NaiveDate::MIN, i64::MAX),
            (NaiveDate::MAX, -5),
            (NaiveDate::MAX, i64::MAX),
            (NaiveDate::MAX, 1),
        ];
        let out = per_day_svg(Lang::En, &days, "").into_string();
        assert_well_formed(&out);
        assert_eq!(out.matches("<rect").count(), 366);
        let max_day = Lang::En.date(NaiveDate::MAX);
        assert!(out.contains(&format!("{max_day}: {}", Lang::En.number(i64::MAX))));
        let before = Lang::En.date(NaiveDate::MAX - Days::new(1));
        assert!(out.contains(&format!("{before}: 0")));
    }

    #[test]
    fn ids_differ_between_charts() {
        let a = svg(&[("2024-01-01", 1)], "a");
        let b = svg(&[("2024-01-01", 1)], "b");
        let id = |s: &str| {
            s.split("aria-labelledby=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .map(str::to_owned)
        };
        assert_ne!(id(&a), id(&b));
        assert_eq!(a, svg(&[("2024-01-01", 1)], "a"));
    }
}
