//! The goal a petition's page shows next: one that grows with the petition, as people expect of
//! a campaign, instead of a bar that looks empty for its first thousand signers.

/// The next milestone for a petition with `count` signatures: 100, 500, 1,000, 5,000, 10,000 and
/// so on (each power of ten, and five times it), never past the campaigner's `goal`, which is
/// the milestone once it is the nearer one and stays it once reached.
pub fn next_milestone(count: i64, goal: i64) -> i64 {
    let goal = goal.max(1);
    let mut step: i64 = 100;
    loop {
        for milestone in [step, step.saturating_mul(5)] {
            if milestone >= goal {
                return goal;
            }
            if milestone > count {
                return milestone;
            }
        }
        step = step.saturating_mul(10);
    }
}

#[cfg(test)]
mod tests {
    use super::next_milestone;

    #[test]
    fn the_milestone_grows_with_the_count_up_to_the_goal() {
        let goal = 100_000;
        for (count, milestone) in [
            (0, 100),
            (3, 100),
            (99, 100),
            (100, 500),
            (120, 500),
            (999, 1_000),
            (5_000, 10_000),
            (49_999, 50_000),
            (50_000, 100_000),
            (100_000, 100_000),
            (250_000, 100_000),
        ] {
            assert_eq!(next_milestone(count, goal), milestone, "{count} signatures");
        }
    }

    #[test]
    fn a_small_or_odd_goal_caps_the_ladder() {
        assert_eq!(next_milestone(0, 50), 50);
        assert_eq!(next_milestone(120, 750), 500);
        assert_eq!(next_milestone(600, 750), 750);
        assert_eq!(next_milestone(0, 0), 1, "a goal is at least one signature");
        assert_eq!(next_milestone(i64::MAX - 1, i64::MAX), i64::MAX);
    }
}
