//! Printed delivery packs: a small block-based renderer that turns a [`Doc`] into A4 PDF bytes.
//!
//! Letters to Members of Parliament go out in English, Hindi or Bengali, and any line may mix
//! Devanagari or Bengali with Latin names and figures: `text` shapes them, so the PDF stays
//! copyable and searchable.
//!
//! Rendering is two passes: blocks are laid out into positioned items page by page (`layout`),
//! then drawn here, so that every footer can say "n / N". Fonts and shape plans are parsed once
//! per process.

use chrono::NaiveDate;
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;

/// One piece of content; blocks flow down the page and on to new pages.
pub enum Block {
    Title(String),
    Heading(String),
    /// Wrapped paragraph; `'\n'` forces a line break.
    Para(String),
    /// Smaller grey text, e.g. an address block or a note.
    Small(String),
    /// Label/value rows, values bold and right-aligned.
    Figures(Vec<(String, String)>),
    /// The header repeats on each new page; numeric columns are right-aligned; cells wrap.
    Table {
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
        numeric: Vec<bool>,
    },
    /// Signer names in three columns, over as many pages as needed.
    Names(Vec<String>),
    /// Signatures per day; missing days count as zero. Spans of more than `MAX_BARS` days are
    /// drawn as buckets of several days.
    BarChart {
        title: String,
        days: Vec<(NaiveDate, i64)>,
    },
    /// A map: shapes in SVG path data (`M x y l dx dy ... z`, whole units, as `crate::map`
    /// holds them) filled with their colours, borders drawn over them, and a legend.
    Map {
        title: String,
        /// Width and height of the map's units.
        size: (f32, f32),
        shapes: Vec<(&'static str, Rgb)>,
        borders: &'static str,
        legend: Vec<(Rgb, String)>,
    },
    PageBreak,
}

pub struct Doc {
    /// PDF metadata title.
    pub title: String,
    /// Document language for the metadata: "en" or "hi".
    pub lang: String,
    /// Printed at the bottom of every page, followed by "  n / N".
    pub footer: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("a bundled font could not be parsed")]
    Font,
    #[error("could not write the PDF: {0}")]
    Krilla(String),
}

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.0;
const BOTTOM: f32 = PAGE_H - MARGIN;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;
const MAX_BARS: i64 = 400;
const MAX_CELL_LINES: usize = 8;
const PAD: f32 = 4.0;

#[derive(Clone, Copy)]
struct Style(f32, bool, Rgb); // size, bold, colour
pub type Rgb = (u8, u8, u8);

const INK: Rgb = (0x11, 0x11, 0x11);
const GREY: Rgb = (0x55, 0x55, 0x55);
const LIGHT: Rgb = (0xbb, 0xbb, 0xbb);
const ACCENT: Rgb = (0x2b, 0x57, 0x9a);
const TITLE: Style = Style(18.0, true, INK);
const HEADING: Style = Style(13.0, true, INK);
const BODY: Style = Style(11.0, false, INK);
const BODY_BOLD: Style = Style(11.0, true, INK);
const SMALL: Style = Style(9.0, false, GREY);
const CELL: Style = Style(9.5, false, INK);
const CELL_HEAD: Style = Style(9.5, true, INK);
const NAME: Style = Style(9.0, false, INK);
const FOOTER: Style = Style(8.0, false, GREY);

/// Line height, generous enough for Devanagari marks above and below.
fn lh(s: Style) -> f32 {
    s.0 * 1.5
}

pub mod card;
mod layout;
mod map;
mod text;
use layout::{Item, Layout};
use text::{FONTS, Fonts, clean, fit, shape};

/// Lays out and renders the document as A4 PDF bytes.
pub fn render(doc: &Doc) -> Result<Vec<u8>, PdfError> {
    let f = FONTS.as_ref().ok_or(PdfError::Font)?;
    let mut lay = Layout {
        f,
        pages: vec![Vec::new()],
        y: MARGIN,
    };
    for block in &doc.blocks {
        match block {
            Block::Title(t) => lay.para(t, TITLE, 6.0),
            Block::Heading(t) => {
                lay.y += if lay.at_top() { 0.0 } else { 8.0 };
                lay.need(lh(HEADING) + 2.0 * lh(BODY)); // keep with what follows
                lay.para(t, HEADING, 2.0);
            }
            Block::Para(t) => lay.para(t, BODY, 6.0),
            Block::Small(t) => lay.para(t, SMALL, 4.0),
            Block::Figures(rows) => lay.figures(rows),
            Block::Table {
                columns,
                rows,
                numeric,
            } => lay.table(columns, rows, numeric),
            Block::Names(names) => lay.names(names),
            Block::BarChart { title, days } => lay.chart(title, days),
            Block::Map {
                title,
                size,
                shapes,
                borders,
                legend,
            } => lay.map(title, *size, shapes, borders, legend),
            Block::PageBreak if !lay.at_top() => lay.new_page(),
            Block::PageBreak => {}
        }
    }
    let (total, footer) = (lay.pages.len(), clean(&doc.footer, false));
    for (i, page) in lay.pages.iter_mut().enumerate() {
        // A long footer is cut short, never the page number.
        let number = fit(f, &format!("{} / {total}", i + 1), FOOTER, WIDTH);
        let mut line = fit(
            f,
            footer.trim(),
            FOOTER,
            WIDTH - number.width * FOOTER.0 - 10.0,
        );
        if !line.runs.is_empty() {
            line.push(shape(f, 0, "  "));
        }
        number.runs.into_iter().for_each(|r| line.push(r));
        let x = (PAGE_W - line.width * FOOTER.0) / 2.0;
        page.push(Item::Text(x, PAGE_H - 28.0, FOOTER, line));
    }

    let mut document = Document::new();
    let meta = Metadata::new()
        .title(clean(&doc.title, false))
        .language(clean(&doc.lang, false));
    document.set_metadata(meta.creator("Hastakshar".to_string()));
    let settings =
        PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(PdfError::Krilla("page size".into()))?;
    for items in &lay.pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        items.iter().for_each(|item| draw(&mut surface, f, item));
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| PdfError::Krilla(format!("{e:?}")))
}

fn draw(surface: &mut Surface, f: &Fonts, item: &Item) {
    match item {
        Item::Path {
            d,
            at,
            scale,
            fill,
            stroke,
        } => {
            let Some(path) = map::path(d, *at, *scale) else {
                return;
            };
            surface.set_fill(fill.map(|(r, g, b)| Fill {
                paint: rgb::Color::new(r, g, b).into(),
                ..Fill::default()
            }));
            surface.set_stroke(stroke.map(|(width, (r, g, b))| Stroke {
                paint: rgb::Color::new(r, g, b).into(),
                width,
                ..Stroke::default()
            }));
            surface.draw_path(&path);
            surface.set_fill(None);
            surface.set_stroke(None);
        }
        Item::Text(x, y, s, line) => {
            let (r, g, b) = s.2;
            surface.set_fill(Some(Fill {
                paint: rgb::Color::new(r, g, b).into(),
                ..Fill::default()
            }));
            let mut x = *x;
            for run in line.runs.iter().filter(|r| !r.glyphs.is_empty()) {
                let font = f[run.font].pdf.clone();
                let at = Point::from_xy(x, *y);
                surface.draw_glyphs(at, &run.glyphs, font, &run.text, s.0, false);
                x += run.width * s.0;
            }
        }
        Item::Stroke([x1, y1, x2, y2], width, (r, g, b)) => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            if let Some(path) = pb.finish() {
                let paint = rgb::Color::new(*r, *g, *b).into();
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint,
                    width: *width,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::group_indian;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 3, d).expect("valid date")
    }

    fn doc(footer: &str, blocks: Vec<Block>) -> Doc {
        let (title, lang, footer) = ("हस्ताक्षर".into(), "hi".into(), footer.into());
        Doc {
            title,
            lang,
            footer,
            blocks,
        }
    }

    fn letter() -> Doc {
        let para = "माननीय सांसद महोदय, हम निर्वाचन क्षेत्र के नागरिक महिला एवं बाल विकास मंत्रालय से \
            अनुरोध करते हैं। Shri Rahul Gandhi को यह पत्र 1,23,456 हस्ताक्षर के साथ भेजा जा रहा है। ";
        let row = |i: i64| {
            vec![
                format!("जिला {i}"),
                format!("District {i}"),
                group_indian(i * 1234),
            ]
        };
        let days = vec![(day(1), 10), (day(4), 250), (day(9), 40)];
        let columns = vec!["जिला".into(), "District".into(), "हस्ताक्षर".into()];
        let numeric = vec![false, false, true];
        let rows = (1..=40).map(row).collect();
        let blocks = vec![
            Block::Small("श्री राहुल गांधी\nसंसद सदस्य\nनई दिल्ली".into()),
            Block::Title("हस्ताक्षर अभियान: स्त्री शिक्षा".into()),
            Block::Heading("निर्वाचन क्षेत्र".into()),
            Block::Para(para.repeat(3)),
            Block::Figures(vec![("कुल (Total signatures)".into(), "1,23,456".into())]),
            Block::BarChart {
                title: "प्रतिदिन".into(),
                days,
            },
            Block::Table {
                columns,
                rows,
                numeric,
            },
        ];
        doc("हस्ताक्षर · Hastakshar", blocks)
    }

    /// Writes the PDF to the temp dir and extracts its text, or `None` without pdftotext.
    fn pdftotext(pdf: &[u8], name: &str) -> Option<String> {
        let path =
            std::env::temp_dir().join(format!("hastakshar-{name}-{}.pdf", std::process::id()));
        std::fs::write(&path, pdf).expect("write the PDF");
        let out = std::process::Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output();
        let _ = std::fs::remove_file(&path);
        match out {
            Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).into()),
            _ => {
                println!("pdftotext is not available: skipping the text check");
                None
            }
        }
    }

    #[test]
    fn mixed_letter_text_is_searchable() {
        let pdf = render(&letter()).expect("render");
        let Some(text) = pdftotext(&pdf, "letter") else {
            return;
        };
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert_eq!(pages.len(), 2, "{text}");
        for want in [
            "हस्ताक्षर",
            "महिला एवं बाल विकास मंत्रालय",
            "निर्वाचन क्षेत्र",
            "स्त्री शिक्षा",
            "Shri Rahul Gandhi",
            "1,23,456",
            "District 40",
            "09-03-2025",
            "Hastakshar 1 / 2",
        ] {
            assert!(text.contains(want), "{want:?} missing from:\n{text}");
        }
        // The table header is repeated on the page where the table continues.
        assert!(pages[1].contains("जिला") && pages[1].contains("District 40"));
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let s = |t: &str| t.to_string();
        let nasty = "\u{0}\u{7}bell\r\n\ttab\u{1b}[31m \u{200d}\u{94f}्ि 😀 中文 ".repeat(3);
        let far = vec![
            (NaiveDate::MIN, i64::MAX),
            (NaiveDate::MAX, i64::MAX),
            (day(1), i64::MIN),
        ];
        let (columns, rows) = (vec![s("a")], vec![vec![], vec![s("1"), nasty.repeat(40)]]);
        let blocks = vec![
            Block::Title(String::new()),
            Block::Para(nasty.clone()),
            Block::Para("x".repeat(5000)),
            Block::Small(s("\n\n")),
            Block::Figures(vec![
                (String::new(), "9".repeat(400)),
                (nasty.clone(), s("")),
            ]),
            Block::Table {
                columns: vec![],
                rows: vec![],
                numeric: vec![],
            },
            Block::Table {
                columns,
                rows,
                numeric: vec![true; 9],
            },
            Block::Names(vec![String::new(), s(" "), nasty.clone(), "अ".repeat(300)]),
            Block::BarChart {
                title: String::new(),
                days: vec![],
            },
            Block::BarChart {
                title: nasty,
                days: far,
            },
            Block::PageBreak,
            Block::PageBreak,
        ];
        for blocks in [vec![], blocks] {
            let pdf = render(&doc(&"\u{0}f".repeat(999), blocks)).expect("render");
            assert!(pdf.starts_with(b"%PDF"));
        }
    }

    #[test]
    fn fifty_thousand_names_and_render_speed() {
        let name = |i: usize| match i % 3 {
            0 => format!("सुश्री प्रिया शर्मा {i}"),
            _ => format!("Rahul Kumar Singh {i}"),
        };
        let names = doc("", vec![Block::Names((0..50_000).map(name).collect())]);
        let start = std::time::Instant::now();
        let pdf = render(&names).expect("render");
        println!(
            "50,000 names: {} kB in {:?}",
            pdf.len() / 1024,
            start.elapsed()
        );
        if let Some(text) = pdftotext(&pdf, "names") {
            assert!(text.contains("Rahul Kumar Singh 49999") && text.contains("प्रिया शर्मा 49998"));
            println!("50,000 names: {} pages", text.matches('\u{c}').count());
        }

        let (letter, start) = (letter(), std::time::Instant::now());
        let sizes: Vec<usize> = (0..100)
            .map(|_| render(&letter).map_or(0, |p| p.len()))
            .collect();
        let each = sizes[0] / 1024;
        println!(
            "100 renders of a 2-page mixed letter: {:?}, {each} kB each",
            start.elapsed()
        );
        assert!(sizes.iter().all(|&n| n > 0 && n < 150_000), "{sizes:?}");
    }
}
