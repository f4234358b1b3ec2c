//! Maps of India, as `assets/data/india/map/make-map.py` drew them from the data pack's
//! boundaries (CC0 + Unlicense): the 543 Lok Sabha constituencies (each shape with its box, and
//! the state borders and coast as one path), and the 36 states and union territories, small.
//! Compiled in.

use std::sync::LazyLock;

/// One constituency's shape (`pc_id` empty for land with no seat), or a state's (`pc_id` empty).
#[derive(Debug)]
pub struct Shape {
    pub pc_id: &'static str,
    pub state: &'static str,
    /// `[x0, y0, x1, y1]` in the map's units.
    pub bbox: [i32; 4],
    /// SVG path data.
    pub d: &'static str,
}

#[derive(Debug)]
pub struct Map {
    pub width: i32,
    pub height: i32,
    /// State borders and the coast, as SVG path data.
    pub lines: &'static str,
    pub shapes: Vec<Shape>,
}

impl Map {
    fn parse(text: &'static str) -> Map {
        let mut map = Map {
            width: 0,
            height: 0,
            lines: "",
            shapes: Vec::new(),
        };
        for line in text.lines() {
            let (kind, rest) = line.split_once(' ').unwrap_or((line, ""));
            match kind {
                "viewBox" => {
                    let n: Vec<i32> = rest.split(' ').filter_map(|v| v.parse().ok()).collect();
                    map.width = n[2];
                    map.height = n[3];
                }
                "lines" => map.lines = rest,
                "pc" | "st" => {
                    let mut f = rest.splitn(7, ' ');
                    let mut next = || f.next().expect("a pc record has seven fields");
                    let (pc_id, state) = match (kind, next(), next()) {
                        ("st", state, _) => ("-", state),
                        (_, pc_id, state) => (pc_id, state),
                    };
                    let mut bbox = [0; 4];
                    for b in &mut bbox {
                        *b = next().parse().expect("a box is four whole numbers");
                    }
                    map.shapes.push(Shape {
                        pc_id: if pc_id == "-" { "" } else { pc_id },
                        state: if state == "-" { "" } else { state },
                        bbox,
                        d: next(),
                    });
                }
                _ => {}
            }
        }
        map
    }

    /// The box around a state's constituencies, `[x, y, width, height]` with a margin; the whole
    /// map for an unknown state.
    pub fn view_of(&self, state: Option<&str>) -> [i32; 4] {
        let boxes: Vec<&[i32; 4]> = self
            .shapes
            .iter()
            .filter(|s| state.is_some_and(|st| s.state == st))
            .map(|s| &s.bbox)
            .collect();
        if boxes.is_empty() {
            return [0, 0, self.width, self.height];
        }
        let x0 = boxes.iter().map(|b| b[0]).min().unwrap_or(0);
        let y0 = boxes.iter().map(|b| b[1]).min().unwrap_or(0);
        let x1 = boxes.iter().map(|b| b[2]).max().unwrap_or(self.width);
        let y1 = boxes.iter().map(|b| b[3]).max().unwrap_or(self.height);
        let margin = ((x1 - x0).max(y1 - y0) / 20).max(2);
        [
            x0 - margin,
            y0 - margin,
            x1 - x0 + 2 * margin,
            y1 - y0 + 2 * margin,
        ]
    }
}

/// The map page's map, 1000 units wide.
pub static LARGE: LazyLock<Map> =
    LazyLock::new(|| Map::parse(include_str!("../assets/data/india/map/map-1000.txt")));
/// The petition page's small map of the states and union territories, 500 units wide.
pub static STATES: LazyLock<Map> =
    LazyLock::new(|| Map::parse(include_str!("../assets/data/india/map/map-states.txt")));

/// The colour of each shading class, from none to the darkest: the site's stylesheet has the same
/// (`--q0` to `--q6` in app.css, which a test holds to these), and the ministry's pack draws them.
pub const SHADES: [(u8, u8, u8); 7] = [
    (0xec, 0xe6, 0xdf),
    (0xf4, 0xd4, 0xdd),
    (0xe6, 0xa6, 0xb8),
    (0xcf, 0x70, 0x8d),
    (0xa9, 0x37, 0x5d),
    (0x7d, 0x12, 0x33),
    (0x48, 0x09, 0x1d),
];

/// The shading class (0 for none, then 1 to 6) of a count: one class a power of ten, so a
/// constituency's shade says its order of magnitude whatever the petition's size.
pub fn class_of(count: i64) -> usize {
    match count {
        i64::MIN..=0 => 0,
        1..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1_000..=9_999 => 4,
        10_000..=99_999 => 5,
        _ => 6,
    }
}

/// The classes a legend shows for a largest count of `max`: their lower bounds, from 0.
pub fn legend(max: i64) -> Vec<(usize, i64)> {
    let top = class_of(max).max(1);
    (0..=top)
        .map(|c| (c, if c == 0 { 0 } else { 10i64.pow(c as u32 - 1) }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refdata::INDIA;

    #[test]
    fn the_states_map_holds_every_state_once() {
        let mut codes: Vec<&str> = STATES.shapes.iter().map(|s| s.state).collect();
        codes.sort();
        let mut known: Vec<&str> = INDIA.states.iter().map(|s| s.code.as_str()).collect();
        known.sort();
        assert_eq!(codes, known);
        assert!(
            STATES
                .shapes
                .iter()
                .all(|s| s.pc_id.is_empty() && s.d.ends_with('z'))
        );
    }

    #[test]
    fn the_map_holds_every_constituency_once() {
        for map in [&*LARGE] {
            let seats: Vec<&str> = map
                .shapes
                .iter()
                .map(|s| s.pc_id)
                .filter(|p| !p.is_empty())
                .collect();
            assert_eq!(seats.len(), 543);
            let mut unique = seats.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), 543);
            for s in map.shapes.iter().filter(|s| !s.pc_id.is_empty()) {
                let pc = INDIA
                    .constituency(s.pc_id)
                    .unwrap_or_else(|| panic!("{} is a constituency", s.pc_id));
                assert_eq!(pc.state_code, s.state, "{}", s.pc_id);
                assert!(s.d.starts_with('M') && s.d.ends_with('z'), "{}", s.pc_id);
                assert!(s.bbox[0] <= s.bbox[2] && s.bbox[1] <= s.bbox[3]);
                assert!(s.bbox[2] <= map.width && s.bbox[3] <= map.height);
            }
            assert!(!map.lines.is_empty());
        }
    }

    #[test]
    fn a_state_view_frames_its_constituencies() {
        let [x, y, w, h] = LARGE.view_of(Some("IN-DL"));
        assert!(w < 60 && h < 60, "Delhi is small: {w} x {h}");
        for s in LARGE.shapes.iter().filter(|s| s.state == "IN-DL") {
            assert!(s.bbox[0] >= x && s.bbox[2] <= x + w);
            assert!(s.bbox[1] >= y && s.bbox[3] <= y + h);
        }
        assert_eq!(LARGE.view_of(None), [0, 0, LARGE.width, LARGE.height]);
        assert_eq!(
            LARGE.view_of(Some("IN-XX")),
            [0, 0, LARGE.width, LARGE.height]
        );
    }

    #[test]
    fn the_stylesheet_and_the_pack_shade_alike() {
        let css = include_str!("../assets/static/app.css");
        for (i, (r, g, b)) in SHADES.iter().enumerate() {
            let want = format!("--q{i}: #{r:02x}{g:02x}{b:02x};");
            assert!(css.contains(&want), "app.css has {want}");
        }
    }

    #[test]
    fn shades_follow_orders_of_magnitude() {
        let got: Vec<usize> = [0, 1, 9, 10, 999, 1_000, 54_321, 2_000_000]
            .iter()
            .map(|&n| class_of(n))
            .collect();
        assert_eq!(got, vec![0, 1, 1, 2, 3, 4, 5, 6]);
        assert_eq!(legend(0), vec![(0, 0), (1, 1)]);
        assert_eq!(
            legend(4_213),
            vec![(0, 0), (1, 1), (2, 10), (3, 100), (4, 1_000)]
        );
    }
}
