//! Text for the packs: the fonts (Noto Sans, Noto Sans Devanagari and Noto Sans Bengali,
//! regular and bold, parsed once per process), shaping, and wrapping, cutting and fitting shaped
//! lines to a width.
//!
//! We shape text ourselves with rustybuzz (the shaper krilla uses internally), one run per
//! script: Devanagari runs get Noto Sans Devanagari, Bengali runs Noto Sans Bengali, the rest Noto
//! Sans. Shaping once gives both
//! the advances needed for line wrapping and the glyphs handed to krilla's `draw_glyphs`
//! together with each glyph's source text, from which krilla writes ToUnicode maps (and
//! ActualText where a cluster is reordered), so the PDF stays copyable and searchable,
//! conjuncts, matras and reph included. Krilla embeds subsets of the fonts.

use std::sync::LazyLock;

use krilla::text::{Font, GlyphId, KrillaGlyph};
use rustybuzz::{Direction, Script, ShapePlan, UnicodeBuffer, script};

use super::Style;

/// A font as krilla embeds it and as rustybuzz shapes with it, with a reusable shape plan.
pub(super) struct LoadedFont {
    pub(super) pdf: Font,
    pub(super) face: rustybuzz::Face<'static>,
    pub(super) plan: ShapePlan,
    pub(super) script: Script,
}

/// Latin, Devanagari and Bengali, each regular then bold: see `font_index`.
pub(super) type Fonts = [LoadedFont; 6];

const NOTO: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
const NOTO_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
const DEVA: &[u8] = include_bytes!("../../../assets/fonts/NotoSansDevanagari-Regular.ttf");
const DEVA_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSansDevanagari-Bold.ttf");
const BENG: &[u8] = include_bytes!("../../../assets/fonts/NotoSansBengali-Regular.ttf");
const BENG_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSansBengali-Bold.ttf");

pub(super) static FONTS: LazyLock<Option<Fonts>> = LazyLock::new(|| {
    let load = |data: &'static [u8], script: Script| {
        let face = rustybuzz::Face::from_slice(data, 0)?;
        let plan = ShapePlan::new(&face, Direction::LeftToRight, Some(script), None, &[]);
        let pdf = Font::new(data.into(), 0)?;
        Some(LoadedFont {
            pdf,
            face,
            plan,
            script,
        })
    };
    let (latin, deva, beng) = (script::LATIN, script::DEVANAGARI, script::BENGALI);
    Some([
        load(NOTO, latin)?,
        load(NOTO_BOLD, latin)?,
        load(DEVA, deva)?,
        load(DEVA_BOLD, deva)?,
        load(BENG, beng)?,
        load(BENG_BOLD, beng)?,
    ])
});

/// The scripts the packs and cards draw, each with its own font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Writing {
    Latin = 0,
    Devanagari = 1,
    Bengali = 2,
}

pub(super) fn font_index(w: Writing, bold: bool) -> usize {
    w as usize * 2 + usize::from(bold)
}

/// The script a letter is written in, among those with a font of their own.
pub(super) fn writing_of(c: char) -> Option<Writing> {
    match c {
        '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}' | '\u{1CD0}'..='\u{1CFF}' => {
            Some(Writing::Devanagari)
        }
        '\u{0980}'..='\u{09FF}' => Some(Writing::Bengali),
        c if c.is_alphabetic() => Some(Writing::Latin),
        _ => None,
    }
}

/// Text shaped in one font; widths are in em. Every glyph's `text_range` is a valid slice of
/// `text` (krilla slices with it), which splitting and merging preserve.
#[derive(Clone, Debug, Default)]
pub(super) struct Run {
    pub(super) font: usize,
    pub(super) text: String,
    pub(super) glyphs: Vec<KrillaGlyph>,
    pub(super) width: f32,
}

#[derive(Clone, Debug, Default)]
pub(super) struct Line {
    pub(super) runs: Vec<Run>,
    pub(super) width: f32,
}

impl Line {
    /// Appends a run, merging it into the last one when the font is the same.
    pub(super) fn push(&mut self, run: Run) {
        self.width += run.width;
        match self.runs.last_mut() {
            Some(last) if last.font == run.font => {
                let off = last.text.len();
                last.text.push_str(&run.text);
                last.width += run.width;
                last.glyphs.extend(run.glyphs.into_iter().map(|g| {
                    let r = g.text_range.start + off..g.text_range.end + off;
                    KrillaGlyph { text_range: r, ..g }
                }));
            }
            _ => self.runs.push(run),
        }
    }
}

pub(super) fn shape(f: &Fonts, font: usize, text: &str) -> Run {
    let lf = &f[font];
    let mut buf = UnicodeBuffer::new();
    buf.push_str(text);
    buf.set_direction(Direction::LeftToRight);
    buf.set_script(lf.script);
    let out = rustybuzz::shape_with_plan(&lf.face, &lf.plan, buf);
    let upem = lf.face.units_per_em().max(1) as f32;
    let len = text.len();
    // A cluster ends where the next one starts (clusters are monotonic for LTR text).
    let (mut end, mut cur, mut glyphs) = (len, usize::MAX, Vec::new());
    for (info, pos) in out.glyph_infos().iter().zip(out.glyph_positions()).rev() {
        let start = (info.cluster as usize).min(len);
        if start != cur {
            end = if cur == usize::MAX { len } else { cur };
            cur = start;
        }
        let (adv, dx, dy) = (pos.x_advance, pos.x_offset, pos.y_offset);
        let [adv, dx, dy] = [adv, dx, dy].map(|v| v as f32 / upem);
        let range = start..end.max(start);
        glyphs.push(KrillaGlyph::new(
            GlyphId::new(info.glyph_id),
            adv,
            dx,
            dy,
            0.0,
            range,
            None,
        ));
    }
    glyphs.reverse();
    let width = glyphs.iter().map(|g| g.x_advance).sum();
    Run {
        font,
        text: text.to_string(),
        glyphs,
        width,
    }
}

/// Splits text into runs by script and shapes them. Neutral characters (spaces, digits,
/// punctuation, marks, joiners) go with the previous letter, or with the first letter of their
/// word at its start, unless that script's font lacks them.
pub(super) fn shape_mixed(f: &Fonts, text: &str, bold: bool) -> Vec<Run> {
    let strong = writing_of;
    let invisible = |c| matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}');
    let latin = Writing::Latin;
    let (mut runs, mut start, mut cur, mut prev) = (Vec::new(), 0, latin, latin);
    for (i, c) in text.char_indices() {
        if i == 0 || text[..i].ends_with(' ') {
            let word = text[i..].split(' ').next().unwrap_or_default();
            prev = word.chars().find_map(strong).unwrap_or(prev);
        }
        let s = strong(c);
        let mut w = s.unwrap_or(prev);
        if w != latin
            && s.is_none()
            && !invisible(c)
            && f[font_index(w, false)].face.glyph_index(c).is_none()
        {
            w = latin;
        }
        if w != cur && i > start {
            runs.push(shape(f, font_index(cur, bold), &text[start..i]));
            start = i;
        }
        (cur, prev) = (w, s.unwrap_or(prev));
    }
    if start < text.len() {
        runs.push(shape(f, font_index(cur, bold), &text[start..]));
    }
    runs
}

/// Splits a run between clusters so that the head is at most `room` em wide; with `force` the
/// head takes at least one cluster. `None` if there is no such split.
pub(super) fn split_run(run: &Run, room: f32, force: bool) -> Option<(Run, Run)> {
    let (mut acc, mut cut, mut prev) = (0.0, None, None);
    for (i, g) in run.glyphs.iter().enumerate() {
        if prev.is_some_and(|p| p != g.text_range.start) {
            if acc > room && !(force && cut.is_none()) {
                break;
            }
            cut = Some(i);
        }
        prev = Some(g.text_range.start);
        acc += g.x_advance;
    }
    let i = cut?;
    let at = run.glyphs.get(i)?.text_range.start;
    let part = |glyphs: &[KrillaGlyph], text: Option<&str>, map: &dyn Fn(usize) -> usize| {
        let glyphs: Vec<KrillaGlyph> = (glyphs.iter())
            .map(|g| {
                let text_range = map(g.text_range.start)..map(g.text_range.end);
                KrillaGlyph {
                    text_range,
                    ..g.clone()
                }
            })
            .collect();
        let width = glyphs.iter().map(|g| g.x_advance).sum();
        Some(Run {
            font: run.font,
            text: text?.to_string(),
            glyphs,
            width,
        })
    };
    let (head, tail) = run.glyphs.split_at(i);
    let head = part(head, run.text.get(..at), &|b| b.min(at))?;
    Some((
        head,
        part(tail, run.text.get(at..), &|b| b.saturating_sub(at))?,
    ))
}

/// Width of a run's trailing spaces, which may hang past the right margin.
pub(super) fn hang(run: Option<&Run>) -> f32 {
    let Some(run) = run else { return 0.0 };
    let space = |g: &&KrillaGlyph| {
        run.text
            .get(g.text_range.clone())
            .is_some_and(|t| t.trim().is_empty())
    };
    run.glyphs
        .iter()
        .rev()
        .take_while(space)
        .map(|g| g.x_advance)
        .sum()
}

/// Wraps text at spaces into lines at most `max` em wide (over-long words are broken between
/// clusters); `'\n'` forces a break.
pub(super) fn wrap(f: &Fonts, text: &str, bold: bool, max: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    for hard in clean(text, true).split('\n') {
        let mut cur = Line::default();
        for word in hard.split_inclusive(' ') {
            let runs = shape_mixed(f, word, bold);
            let ink = runs.iter().map(|r| r.width).sum::<f32>() - hang(runs.last());
            if cur.width + ink > max && !cur.runs.is_empty() {
                lines.push(std::mem::take(&mut cur));
            }
            if cur.width + ink <= max {
                runs.into_iter().for_each(|r| cur.push(r));
                continue;
            }
            for mut run in runs {
                while cur.width + run.width - hang(Some(&run)) > max {
                    match split_run(&run, max - cur.width, cur.runs.is_empty()) {
                        Some((head, tail)) => {
                            cur.push(head);
                            lines.push(std::mem::take(&mut cur));
                            run = tail;
                        }
                        None if !cur.runs.is_empty() => lines.push(std::mem::take(&mut cur)),
                        None => break,
                    }
                }
                cur.push(run);
            }
        }
        lines.push(cur);
    }
    lines
}

/// Shortens a line to at most `max` em, ending it with "…" if anything was cut (or `always`).
pub(super) fn ellipsize(f: &Fonts, line: Line, bold: bool, max: f32, always: bool) -> Line {
    if line.width <= max && !always {
        return line;
    }
    let ell = shape(f, font_index(Writing::Latin, bold), "…");
    let mut out = Line::default();
    for run in line.runs {
        let room = max - ell.width - out.width;
        if run.width > room {
            split_run(&run, room, false)
                .into_iter()
                .for_each(|(head, _)| out.push(head));
            break;
        }
        out.push(run);
    }
    out.push(ell);
    out
}

/// One line of text, cut with "…" to at most `max` points.
pub(super) fn fit(f: &Fonts, text: &str, s: Style, max: f32) -> Line {
    let mut line = Line::default();
    shape_mixed(f, &clean(text, false), s.1)
        .into_iter()
        .for_each(|r| line.push(r));
    ellipsize(f, line, s.1, max / s.0, false)
}

/// Drops control characters; tabs (and newlines unless kept) become spaces.
pub(super) fn clean(s: &str, keep_newlines: bool) -> String {
    let map = |c: char| match c {
        '\n' if keep_newlines => Some('\n'),
        '\t' | '\n' | '\u{2028}' | '\u{2029}' => Some(' '),
        c if c.is_control() => None,
        c => Some(c),
    };
    s.chars().filter_map(map).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devanagari_is_shaped_and_split_by_script() {
        let f = FONTS.as_ref().expect("fonts");
        // क्ष is a single conjunct glyph; the ि matra is drawn before क.
        assert_eq!(shape(f, 2, "क्ष").glyphs.len(), 1);
        let ki: Vec<u32> = shape(f, 2, "कि")
            .glyphs
            .iter()
            .map(|g| g.glyph_id.to_u32())
            .collect();
        let ka = f[2].face.glyph_index('क').map(|g| u32::from(g.0));
        assert!(
            ki.len() == 2 && Some(ki[1]) == ka && Some(ki[0]) != ka,
            "{ki:?}"
        );
        let runs = shape_mixed(f, "श्री Rahul (गांधी) 1,23,456", false);
        let texts: Vec<(usize, &str)> = runs.iter().map(|r| (r.font, r.text.as_str())).collect();
        assert_eq!(texts, [(2, "श्री "), (0, "Rahul "), (2, "(गांधी) 1,23,456")]);
    }

    #[test]
    fn bengali_is_shaped_in_its_own_font() {
        let f = FONTS.as_ref().expect("fonts");
        // ক্ষ is one conjunct glyph; the ি vowel sign is drawn before ক.
        assert_eq!(shape(f, 4, "ক্ষ").glyphs.len(), 1);
        let ki: Vec<u32> = shape(f, 4, "কি")
            .glyphs
            .iter()
            .map(|g| g.glyph_id.to_u32())
            .collect();
        let ka = f[4].face.glyph_index('ক').map(|g| u32::from(g.0));
        assert!(
            ki.len() == 2 && Some(ki[1]) == ka && Some(ki[0]) != ka,
            "{ki:?}"
        );
        let runs = shape_mixed(f, "মমতা Banerjee, বারাণসী वाराणसी 12", true);
        let texts: Vec<(usize, &str)> = runs.iter().map(|r| (r.font, r.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                (5, "মমতা "),
                (1, "Banerjee, "),
                (5, "বারাণসী "),
                (3, "वाराणसी 12")
            ]
        );
    }

    #[test]
    fn wrapping_stays_within_width_and_loses_nothing() {
        let f = FONTS.as_ref().expect("fonts");
        let text = format!("{} {} एक", "शब्द ".repeat(50), "क्षत्रिय".repeat(30));
        let lines = wrap(f, &text, false, 20.0);
        assert!(lines.len() > 5);
        let fits = |l: &Line| l.width - hang(l.runs.last()) <= 20.0 + 1e-3;
        assert!(lines.iter().all(fits));
        let runs = lines.iter().flat_map(|l| &l.runs);
        let joined: String = runs.map(|r| r.text.as_str()).collect();
        assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
    }
}
