//! Maps in the packs: `crate::map`'s shapes laid out on the page with their legend, and their
//! path data turned into PDF paths.

use krilla::geom::PathBuilder;

use super::text::fit;
use super::{BODY, BODY_BOLD, Item, Layout, MARGIN, Rgb, SMALL, WIDTH, lh};

impl Layout {
    pub(super) fn map(
        &mut self,
        title: &str,
        (w, h): (f32, f32),
        shapes: &[(&'static str, Rgb)],
        borders: &'static str,
        legend: &[(Rgb, String)],
    ) {
        const MAX_H: f32 = 520.0;
        let scale = (WIDTH / w.max(1.0)).min(MAX_H / h.max(1.0));
        let legend_h = lh(SMALL) * legend.len().div_ceil(3) as f32 + 6.0;
        self.need(lh(BODY) + 4.0 + h * scale + legend_h);
        self.para(title, BODY_BOLD, 4.0);
        let at = (MARGIN + (WIDTH - w * scale) / 2.0, self.y);
        for (d, fill) in shapes {
            self.item(Item::Path {
                d,
                at,
                scale,
                fill: Some(*fill),
                stroke: Some((0.2, (0xff, 0xff, 0xff))),
            });
        }
        self.item(Item::Path {
            d: borders,
            at,
            scale,
            fill: None,
            stroke: Some((0.4, (0x40, 0x40, 0x40))),
        });
        self.y += h * scale + 6.0;
        let col = WIDTH / 3.0;
        for (i, (colour, label)) in legend.iter().enumerate() {
            let x = MARGIN + (i % 3) as f32 * col;
            let top = self.y + (i / 3) as f32 * lh(SMALL);
            let mid = top + lh(SMALL) / 2.0;
            self.item(Item::Stroke([x, mid, x + 12.0, mid], 8.0, *colour));
            let line = fit(self.f, label, SMALL, col - 20.0);
            self.text(x + 16.0, top, SMALL, line, false);
        }
        self.y += legend_h;
    }
}

/// SVG path data of `crate::map`'s kind (`M x y`, relative `l` pairs, `z`), placed and scaled.
pub(super) fn path(d: &str, (x0, y0): (f32, f32), scale: f32) -> Option<krilla::geom::Path> {
    let mut pb = PathBuilder::new();
    let (mut x, mut y) = (0.0f32, 0.0f32);
    let mut cmd = ' ';
    let mut pending: Option<f32> = None;
    let mut chars = d.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            'M' | 'l' => cmd = c,
            'z' => {
                pb.close();
                cmd = ' ';
            }
            '-' | '0'..='9' => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, n)) = chars.peek() {
                    if !n.is_ascii_digit() {
                        break;
                    }
                    end = j + 1;
                    chars.next();
                }
                let v: f32 = d[i..end].parse().ok()?;
                match pending.take() {
                    None => pending = Some(v),
                    Some(a) if cmd == 'M' => {
                        (x, y) = (a, v);
                        pb.move_to(x0 + x * scale, y0 + y * scale);
                        cmd = 'l';
                    }
                    Some(a) => {
                        (x, y) = (x + a, y + v);
                        pb.line_to(x0 + x * scale, y0 + y * scale);
                    }
                }
            }
            _ => {}
        }
    }
    pb.finish()
}
