//! The constituency map in the ministry's pack: `crate::map`'s shapes shaded by the plan's
//! counts, as the petition's map page shades them, with the same legend.

use super::Plan;
use super::pdf::Block;

impl Plan {
    /// The constituency map, as the petition's map page draws it, with its legend.
    pub(super) fn map(&self) -> Block {
        let m = &*crate::map::LARGE;
        let shade = |pc: &str| {
            let n = self.by_constituency.get(pc).copied().unwrap_or(0);
            crate::map::SHADES[crate::map::class_of(n)]
        };
        let max = self.by_constituency.values().copied().max().unwrap_or(0);
        let classes = crate::map::legend(max);
        let legend = classes
            .iter()
            .enumerate()
            .map(|(i, (class, from))| {
                let label = match classes.get(i + 1) {
                    _ if *class == 0 => self.t("map-legend-none"),
                    Some((_, next)) => format!("{}–{}", self.n(*from), self.n(next - 1)),
                    None => format!("{}+", self.n(*from)),
                };
                (crate::map::SHADES[*class], label)
            })
            .collect();
        Block::Map {
            title: self.t("map-heading"),
            size: (m.width as f32, m.height as f32),
            shapes: m
                .shapes
                .iter()
                .map(|s| match s.pc_id {
                    "" => (s.d, (0xf6, 0xf3, 0xef)),
                    pc => (s.d, shade(pc)),
                })
                .collect(),
            borders: m.lines,
            legend,
        }
    }
}
