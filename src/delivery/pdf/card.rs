//! A petition's share card: the 1200 x 630 picture a link shows where it is pasted (WhatsApp,
//! X, Facebook), with the title, the count and a bar toward the next milestone, in the reader's
//! language. Text is shaped as the packs shape it (Devanagari's conjuncts and matras included),
//! and each glyph's outline filled with tiny-skia; the picture is written as PNG.

use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Rect, Transform};

use super::Style;
use super::text::{FONTS, Fonts, Line, fit, wrap};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
const MARGIN: f32 = 64.0;
const TITLE_SIZE: f32 = 58.0;
const TITLE_LINES: usize = 3;

const PAPER: (u8, u8, u8) = (0xff, 0xfd, 0xf9);
const BRAND: (u8, u8, u8) = (0x8a, 0x15, 0x38);
const INK: (u8, u8, u8) = (0x1a, 0x1a, 0x1a);
const MUTED: (u8, u8, u8) = (0x4d, 0x4d, 0x4d);
const TRACK: (u8, u8, u8) = (0xe6, 0xdf, 0xd8);

/// What a card says, line by line: the site, the title, the count with the goal, and how far
/// toward the next milestone (`done` of `of`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardText {
    pub site: String,
    pub title: String,
    pub count: String,
    pub milestone: String,
    pub done: i64,
    pub of: i64,
}

/// The card as PNG bytes; `None` if the fonts cannot be read.
pub fn render(t: &CardText) -> Option<Vec<u8>> {
    let f = FONTS.as_ref()?;
    let mut px = Pixmap::new(WIDTH, HEIGHT)?;
    px.fill(color(PAPER));
    // The site's band.
    rect(&mut px, 0.0, 0.0, WIDTH as f32, 96.0, BRAND);
    let site = fit(f, &t.site, Style(36.0, true, PAPER), WIDTH as f32);
    draw(&mut px, f, &site, MARGIN, 62.0, 36.0, PAPER);
    // The title, in at most three lines.
    let mut y = 96.0 + 48.0 + TITLE_SIZE;
    let lines = wrap(
        f,
        &t.title,
        true,
        (WIDTH as f32 - 2.0 * MARGIN) / TITLE_SIZE,
    );
    for line in lines.iter().take(TITLE_LINES) {
        draw(&mut px, f, line, MARGIN, y, TITLE_SIZE, INK);
        y += TITLE_SIZE * 1.35;
    }
    // The count, the bar, the milestone.
    let base = HEIGHT as f32 - 150.0;
    let count = fit(
        f,
        &t.count,
        Style(40.0, true, BRAND),
        WIDTH as f32 - 2.0 * MARGIN,
    );
    draw(&mut px, f, &count, MARGIN, base, 40.0, BRAND);
    let bar_y = base + 26.0;
    let full = WIDTH as f32 - 2.0 * MARGIN;
    rect(&mut px, MARGIN, bar_y, full, 22.0, TRACK);
    let share = if t.of > 0 {
        (t.done.clamp(0, t.of) as f32 / t.of as f32).max(0.01)
    } else {
        0.0
    };
    rect(&mut px, MARGIN, bar_y, full * share, 22.0, BRAND);
    let milestone = fit(f, &t.milestone, Style(30.0, false, MUTED), full);
    draw(
        &mut px,
        f,
        &milestone,
        MARGIN,
        bar_y + 22.0 + 44.0,
        30.0,
        MUTED,
    );
    png(&px)
}

fn color((r, g, b): (u8, u8, u8)) -> Color {
    Color::from_rgba8(r, g, b, 255)
}

fn paint(c: (u8, u8, u8)) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color(color(c));
    p.anti_alias = true;
    p
}

fn rect(px: &mut Pixmap, x: f32, y: f32, w: f32, h: f32, c: (u8, u8, u8)) {
    if let Some(r) = Rect::from_xywh(x, y, w.max(0.1), h) {
        px.fill_rect(r, &paint(c), Transform::identity(), None);
    }
}

/// Fills a shaped line's glyphs, its baseline at (x, y), `size` pixels to the em.
fn draw(px: &mut Pixmap, f: &Fonts, line: &Line, x: f32, y: f32, size: f32, c: (u8, u8, u8)) {
    let mut pen = x;
    for run in &line.runs {
        let face = &f[run.font].face;
        let scale = size / face.units_per_em().max(1) as f32;
        for g in &run.glyphs {
            let mut outline = Outline(PathBuilder::new());
            let id = rustybuzz::ttf_parser::GlyphId(g.glyph_id.to_u32() as u16);
            if face.outline_glyph(id, &mut outline).is_some()
                && let Some(path) = outline.0.finish()
            {
                let at = Transform::from_row(
                    scale,
                    0.0,
                    0.0,
                    -scale,
                    pen + g.x_offset * size,
                    y - g.y_offset * size,
                );
                px.fill_path(&path, &paint(c), FillRule::Winding, at, None);
            }
            pen += g.x_advance * size;
        }
    }
}

/// A glyph's outline, in font units, into a path.
struct Outline(PathBuilder);

impl rustybuzz::ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

/// The pixmap (opaque throughout) as an RGB PNG.
fn png(px: &Pixmap) -> Option<Vec<u8>> {
    use image::ImageEncoder;
    let rgb: Vec<u8> = px
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&rgb, WIDTH, HEIGHT, image::ExtendedColorType::Rgb8)
        .ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(title: &str, done: i64, of: i64) -> Vec<u8> {
        render(&CardText {
            site: "हस्ताक्षर".into(),
            title: title.into(),
            count: "4,213 signatures of a goal of 1,00,000".into(),
            milestone: "787 more needed to reach 5,000".into(),
            done,
            of,
        })
        .expect("the fonts load")
    }

    fn pixels(png: &[u8]) -> image::RgbImage {
        image::load_from_memory(png).unwrap().into_rgb8()
    }

    #[test]
    fn a_card_is_a_1200_by_630_png_under_300_kb() {
        let png = card("ख़रीदारों को सज़ा दो, महिलाओं को नहीं", 4_213, 5_000);
        assert!(png.len() < 300 * 1024, "{} bytes", png.len());
        let img = pixels(&png);
        assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT));
    }

    /// The bar is drawn to the share it says: brand colour up to it, the track after.
    #[test]
    fn the_bar_follows_the_count() {
        let at = |img: &image::RgbImage, share: f32| {
            let x = MARGIN + (WIDTH as f32 - 2.0 * MARGIN) * share;
            img.get_pixel(x as u32, HEIGHT - 150 + 26 + 11).0
        };
        let img = pixels(&card("A title", 1_000, 4_000));
        assert_eq!(at(&img, 0.2), [BRAND.0, BRAND.1, BRAND.2]);
        assert_eq!(at(&img, 0.3), [TRACK.0, TRACK.1, TRACK.2]);
    }

    /// Text is drawn: the title's band has ink in it, as much for Devanagari as for Latin, and
    /// none where no title is.
    #[test]
    fn the_title_is_drawn_in_either_script() {
        let ink = |png: &[u8]| {
            let img = pixels(png);
            (96..300)
                .flat_map(|y| (0..WIDTH).map(move |x| (x, y)))
                .filter(|&(x, y)| img.get_pixel(x, y).0[0] < 0x80)
                .count()
        };
        let hindi = ink(&card("ख़रीदारों को सज़ा दो, महिलाओं को नहीं", 1, 100));
        let english = ink(&card("Punish the buyers, not the women", 1, 100));
        let none = ink(&card("", 1, 100));
        assert_eq!(none, 0);
        assert!(hindi > 5_000 && english > 5_000, "{hindi} {english}");
    }
}
