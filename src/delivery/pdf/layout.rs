//! Layout: a document's blocks flowed down A4 pages into positioned items (text lines,
//! strokes, paths), starting a new page where the next block no longer fits.

use chrono::NaiveDate;

use super::text::{Fonts, Line, ellipsize, fit, wrap};
use super::{
    ACCENT, BODY, BODY_BOLD, BOTTOM, CELL, CELL_HEAD, INK, LIGHT, MARGIN, MAX_BARS, MAX_CELL_LINES,
    NAME, PAD, Rgb, SMALL, Style, WIDTH, lh,
};
use crate::i18n::group_indian;

fn cell_text(row: &[String], i: usize) -> &str {
    row.get(i).map_or("", String::as_str)
}

pub(super) enum Item {
    /// A line of text with its left end and baseline at (x, y).
    Text(f32, f32, Style, Line),
    /// A straight stroke from (x1, y1) to (x2, y2), with a width: rules, axes and bars.
    Stroke([f32; 4], f32, Rgb),
    /// SVG path data placed at (x, y) and scaled, filled and/or stroked (width, colour).
    Path {
        d: &'static str,
        at: (f32, f32),
        scale: f32,
        fill: Option<Rgb>,
        stroke: Option<(f32, Rgb)>,
    },
}

pub(super) struct Layout {
    pub(super) f: &'static Fonts,
    pub(super) pages: Vec<Vec<Item>>,
    /// Top of the free space on the current page.
    pub(super) y: f32,
}

impl Layout {
    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    pub(super) fn at_top(&self) -> bool {
        self.pages.last().is_none_or(Vec::is_empty)
    }

    /// Starts a new page unless `h` points still fit (or the page is empty anyway).
    pub(super) fn need(&mut self, h: f32) {
        if self.y + h > BOTTOM && !self.at_top() {
            self.new_page();
        }
    }

    pub(super) fn item(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.push(item);
        }
    }

    /// Places a line in the band starting at `top`; `right` aligns its end to `x`.
    pub(super) fn text(&mut self, x: f32, top: f32, s: Style, line: Line, right: bool) {
        let x = if right { x - line.width * s.0 } else { x };
        self.item(Item::Text(x, top + s.0 * 1.1, s, line));
    }

    pub(super) fn rule(&mut self, y: f32, width: f32, colour: Rgb) {
        self.item(Item::Stroke([MARGIN, y, MARGIN + WIDTH, y], width, colour));
    }

    pub(super) fn para(&mut self, text: &str, s: Style, after: f32) {
        for line in wrap(self.f, text, s.1, WIDTH / s.0) {
            self.need(lh(s));
            self.text(MARGIN, self.y, s, line, false);
            self.y += lh(s);
        }
        self.y += after;
    }

    /// Wraps a cell, keeping at most `MAX_CELL_LINES` lines so that a row always fits a page.
    pub(super) fn cell(&self, text: &str, s: Style, width: f32) -> Vec<Line> {
        let max = width.max(0.0) / s.0;
        let mut lines = wrap(self.f, text, s.1, max);
        if lines.len() > MAX_CELL_LINES {
            lines.truncate(MAX_CELL_LINES);
            let last = lines.pop().unwrap_or_default();
            lines.push(ellipsize(self.f, last, s.1, max, true));
        }
        lines
    }

    pub(super) fn figures(&mut self, rows: &[(String, String)]) {
        for (label, value) in rows {
            // A value may be a phrase ("17 September 2026 to 17 November 2026"); labels wrap.
            let value = fit(self.f, value, BODY_BOLD, WIDTH * 0.6);
            let labels = self.cell(label, BODY, WIDTH - value.width * BODY.0 - 12.0);
            let h = labels.len().max(1) as f32 * lh(BODY);
            self.need(h);
            let top = self.y;
            self.text(MARGIN + WIDTH, top, BODY_BOLD, value, true);
            for (i, line) in labels.into_iter().enumerate() {
                self.text(MARGIN, top + i as f32 * lh(BODY), BODY, line, false);
            }
            self.y += h + 2.0;
            self.rule(self.y - 1.0, 0.3, LIGHT);
        }
        self.y += 6.0;
    }

    pub(super) fn table(&mut self, columns: &[String], rows: &[Vec<String>], numeric: &[bool]) {
        let n = rows.iter().map(Vec::len).fold(columns.len(), usize::max);
        if n == 0 {
            return;
        }
        // Natural column widths, scaled to the text width; when too wide, columns narrower
        // than an even share keep their width and the wide ones share the rest.
        let w = |t: &str, s: Style| fit(self.f, t, s, f32::MAX).width * s.0 + 2.0 * PAD + 1.0;
        let natural: Vec<f32> = (0..n)
            .map(|i| {
                rows.iter()
                    .map(|r| w(cell_text(r, i), CELL))
                    .fold(w(cell_text(columns, i), CELL_HEAD), f32::max)
            })
            .collect();
        let (total, fair) = (natural.iter().sum::<f32>(), WIDTH / n as f32);
        let narrow: f32 = natural.iter().filter(|&&w| w <= fair).sum();
        let widths: Vec<f32> = (natural.iter())
            .map(|&w| match () {
                _ if total <= WIDTH => w * WIDTH / total,
                _ if w <= fair => w,
                _ => w * (WIDTH - narrow) / (total - narrow).max(1.0),
            })
            .collect();
        let row_out = |this: &mut Self, row: &[String], head: bool| {
            let s = if head { CELL_HEAD } else { CELL };
            let (top, mut x, mut h) = (this.y + 2.0, MARGIN, lh(s));
            for (i, &w) in widths.iter().enumerate() {
                let right = numeric.get(i).copied().unwrap_or(false);
                let lx = if right { x + w - PAD } else { x + PAD };
                let lines = this.cell(cell_text(row, i), s, w - 2.0 * PAD);
                h = h.max(lines.len() as f32 * lh(s));
                for (k, line) in lines.into_iter().enumerate() {
                    this.text(lx, top + k as f32 * lh(s), s, line, right);
                }
                x += w;
            }
            this.y += h + 4.0;
            this.rule(
                this.y,
                if head { 0.8 } else { 0.3 },
                if head { INK } else { LIGHT },
            );
        };
        self.need(4.0 * lh(CELL));
        row_out(self, columns, true);
        for row in rows {
            let mark = self.pages.last().map_or(0, Vec::len);
            row_out(self, row, false);
            if self.y > BOTTOM {
                // The row overflowed: take it back and repeat it under a fresh header.
                self.pages
                    .last_mut()
                    .into_iter()
                    .for_each(|page| page.truncate(mark));
                self.new_page();
                row_out(self, columns, true);
                row_out(self, row, false);
            }
        }
        self.y += 10.0;
    }

    /// Names fill the three columns of each page top to bottom, balanced on the last page.
    pub(super) fn names(&mut self, names: &[String]) {
        let names: Vec<&String> = names.iter().filter(|n| !n.trim().is_empty()).collect();
        let (col, mut done) = (WIDTH / 3.0, 0);
        while done < names.len() {
            if self.y + lh(NAME) > BOTTOM {
                self.new_page();
            }
            let rows = ((BOTTOM - self.y) / lh(NAME)).floor().max(1.0) as usize;
            let take = (names.len() - done).min(rows * 3);
            let used = take.div_ceil(3);
            for (k, name) in names[done..done + take].iter().enumerate() {
                let line = fit(self.f, name, NAME, col - 8.0);
                let top = self.y + (k % used) as f32 * lh(NAME);
                self.text(MARGIN + (k / used) as f32 * col, top, NAME, line, false);
            }
            done += take;
            self.y += used as f32 * lh(NAME) + 6.0;
        }
    }

    pub(super) fn chart(&mut self, title: &str, days: &[(NaiveDate, i64)]) {
        const H: f32 = 140.0;
        self.need(lh(BODY) + lh(SMALL) * 2.0 + H + 10.0);
        self.para(title, BODY_BOLD, 2.0);
        let top = self.y + lh(SMALL);
        self.rule(top + H, 0.8, INK);
        self.item(Item::Stroke([MARGIN, top, MARGIN, top + H], 0.8, INK));
        self.y = top + H + 2.0 + lh(SMALL) + 10.0;
        let dates = days.iter().map(|d| d.0);
        let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else {
            return;
        };
        let span = (last - first).num_days() + 1;
        let bucket = (span + MAX_BARS - 1) / MAX_BARS;
        let mut bars = vec![0i64; ((span + bucket - 1) / bucket) as usize];
        for (d, v) in days {
            if let Some(b) = bars.get_mut(((*d - first).num_days() / bucket) as usize) {
                *b = b.saturating_add((*v).max(0));
            }
        }
        let max = bars.iter().copied().max().unwrap_or(0);
        let label = fit(self.f, &group_indian(max), SMALL, WIDTH);
        self.text(MARGIN + 4.0, top - lh(SMALL), SMALL, label, false);
        self.rule(top, 0.3, LIGHT);
        let bw = WIDTH / bars.len() as f32;
        for (i, &v) in bars.iter().enumerate().filter(|b| *b.1 > 0) {
            let x = MARGIN + (i as f32 + 0.5) * bw;
            let h = (v as f64 / max as f64) as f32 * H;
            let gap = if bw > 3.0 { bw * 0.3 } else { 0.0 };
            self.item(Item::Stroke([x, top + H, x, top + H - h], bw - gap, ACCENT));
        }
        let label = |d: NaiveDate| {
            fit(
                self.f,
                &d.format("%d-%m-%Y").to_string(),
                SMALL,
                WIDTH / 2.0,
            )
        };
        self.text(MARGIN, top + H + 2.0, SMALL, label(first), false);
        if last != first {
            self.text(MARGIN + WIDTH, top + H + 2.0, SMALL, label(last), true);
        }
    }
}
