//! The outlet-level permutation test (docs/METHOD.md §5): whether a side's outlets use a term
//! at higher rates than the other rated outlets, beyond what shuffling the outlets between
//! the sides would give. The unit is the outlet, not the word: a term that one outlet repeats
//! moves one rank, not the whole side, and a story's topic words, which every outlet uses,
//! rank alike on every side.
//!
//! Statistic: the Wilcoxon–Mann–Whitney rank sum of the side's k outlets among all N rated
//! outlets, ranked by their rate of the term (ties share their mid-rank). p is the share of
//! the C(N, k) ways to choose k outlets whose rank sum is at least the observed one: counted
//! exactly when there are at most [`MAX_EXACT`], estimated from [`DRAWS`] random choices
//! otherwise, as (1 + count) / (1 + DRAWS).
//!
//! Ranks are kept doubled, so that mid-ranks are whole numbers and every comparison is exact.
//! Outlets that never use the term all share the lowest rank, so an assignment's rank sum
//! depends only on which of the term's users it holds: the exact count enumerates subsets
//! of the users (each standing for the ways to fill the rest with non-users), and a random
//! assignment is drawn user by user (selection sampling), each with the probability a
//! uniformly random choice of k outlets would give.

/// Most assignments counted one by one; past it, p is estimated.
pub(crate) const MAX_EXACT: u64 = 10_000;
/// Random assignments drawn when there are more than [`MAX_EXACT`].
pub(crate) const DRAWS: u64 = 9_999;

/// The design of a side's test: k of N outlets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Design {
    /// k: the side's outlets.
    pub units: usize,
    /// N: all rated outlets.
    pub of: usize,
    /// C(N, k), when it is at most 2⁵³ (past that a report could not carry it exactly).
    pub assignments: Option<u64>,
    /// Whether p is counted over every assignment.
    pub exact: bool,
}

/// C(n, k), or `None` past 2⁵³. In `u64` throughout: C(n, i + 1) = C(n, i) · (n − i) /
/// (i + 1) is computed with the common factor of C(n, i) and i + 1 divided out first, so
/// nothing but the result itself can pass 2⁵³ (and WASM needs no 128-bit division).
fn binomial(n: usize, k: usize) -> Option<u64> {
    const LIMIT: u64 = 1 << 53;
    if k > n {
        return Some(0);
    }
    let k = k.min(n - k) as u64;
    let n = n as u64;
    let mut value: u64 = 1;
    for i in 0..k {
        let (mut a, mut b) = (value, i + 1);
        while b != 0 {
            (a, b) = (b, a % b);
        }
        // `a` is gcd(value, i + 1); (i + 1) / a divides n − i.
        let divisor = (i + 1) / a;
        value = (value / a).checked_mul((n - i) / divisor)?;
        if value > LIMIT {
            return None;
        }
    }
    Some(value)
}

impl Design {
    pub fn new(units: usize, of: usize) -> Design {
        let assignments = binomial(of, units);
        Design {
            units,
            of,
            assignments,
            exact: assignments.is_some_and(|c| c <= MAX_EXACT),
        }
    }

    /// The smallest p the design allows: 1 / C(N, k) when counted, 1 / (1 + DRAWS) when
    /// estimated.
    pub fn min_p(&self) -> f64 {
        match self.assignments {
            Some(c) if self.exact => 1.0 / c.max(1) as f64,
            _ => 1.0 / (1 + DRAWS) as f64,
        }
    }
}

/// A p-value and what it was counted from: `at_least` of `out_of` assignments (all of them,
/// or the random draws) reached the observed rank sum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PValue {
    pub p: f64,
    pub at_least: u64,
    pub out_of: u64,
}

/// One outlet's use of a term: its count, its term tokens, and whether it is on the side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Use {
    pub count: u32,
    pub term_tokens: u64,
    pub on_side: bool,
}

/// A rate as the bits of its `f64`: for rates (finite, not negative) the bits sort as the
/// values do, so ranking needs only a sort of integers. Equal fractions give the same `f64`
/// (division is correctly rounded), and distinct ones a story can hold differ by more than a
/// rounding step (term tokens stay below 2²⁵, docs/LIMITS.md), so ties are exact.
fn rate_key(user: &Use) -> u64 {
    let rate = if user.term_tokens == 0 {
        0.0
    } else {
        f64::from(user.count) / user.term_tokens as f64
    };
    rate.to_bits()
}

/// A small deterministic generator (SplitMix64): the same seed gives the same draws on
/// every platform, natively and in WASM.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number below `n` (< 2³²), by the top 32 bits of a draw scaled to `n`.
    fn below(&mut self, n: u64) -> u64 {
        ((self.next() >> 32) * n) >> 32
    }
}

/// One unit of a rank test on any per-unit value (an outlet's rate of charged words, its
/// mean tone): the value's [`order_key`], and whether the unit is on the side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Keyed {
    pub key: u64,
    pub on_side: bool,
}

/// A key that sorts as `value` does, negative values included: the bits of a non-negative
/// `f64` with the sign bit set, those of a negative one inverted. −0 and 0 share a key.
pub(crate) fn order_key(value: f64) -> u64 {
    let bits = (value + 0.0).to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The p-value of the term whose users (outlets with a count above 0) are `users`, for a
/// side of `design.units` outlets among `design.of`. `seed` fixes the random draws when p is
/// estimated.
pub(crate) fn p_value(design: &Design, users: &[Use], seed: u64) -> PValue {
    let keyed: Vec<Keyed> = users
        .iter()
        .map(|user| Keyed {
            key: rate_key(user),
            on_side: user.on_side,
        })
        .collect();
    rank_test(design, &keyed, seed)
}

/// The same test on every one of the design's N units ranked by its key (ties by equal keys),
/// the side's rank sum against that of every choice of k units: p is the share of choices
/// whose rank sum is at least the side's (so a small p means the side's values are high).
/// `units` holds all N units, in a fixed order (the draws follow it).
pub(crate) fn p_value_of_keys(design: &Design, units: &[Keyed], seed: u64) -> PValue {
    rank_test(design, units, seed)
}

/// The rank-sum test on `users`: the units with a key of their own, the other N − u sharing
/// the lowest rank below all of them.
fn rank_test(design: &Design, users: &[Keyed], seed: u64) -> PValue {
    let (n, k) = (design.of as u64, design.units as u64);
    let u = users.len() as u64;
    if k == 0 || n == 0 || u > n {
        return PValue {
            p: 1.0,
            at_least: 1,
            out_of: 1,
        };
    }
    // Doubled mid-ranks: the N − u non-users hold ranks 1..=N−u, the users the rest, in
    // ascending order of rate, ties sharing the mean of their positions.
    let non_user_rank = n - u + 1;
    let keys: Vec<u64> = users.iter().map(|user| user.key).collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    let ranks: Vec<u64> = keys
        .iter()
        .map(|key| {
            let first = sorted.partition_point(|k| k < key) as u64;
            let last = sorted.partition_point(|k| k <= key) as u64 - 1;
            // Positions (from 1) N − u + first + 1 ..= N − u + last + 1, doubled mean.
            2 * (n - u) + first + last + 2
        })
        .collect();
    let side_users = users.iter().filter(|user| user.on_side).count() as u64;
    let observed: u64 = users
        .iter()
        .zip(&ranks)
        .filter(|(user, _)| user.on_side)
        .map(|(_, &rank)| rank)
        .sum::<u64>()
        + (k - side_users) * non_user_rank;
    match design.assignments {
        Some(total) if design.exact => {
            let at_least = exact_count(&ranks, n, k, non_user_rank, observed);
            PValue {
                p: at_least as f64 / total.max(1) as f64,
                at_least,
                out_of: total,
            }
        }
        _ => {
            let mut random = SplitMix(seed);
            let mut at_least = 0u64;
            for _ in 0..DRAWS {
                let (mut left_k, mut left_n, mut sum) = (k, n, 0u64);
                for &rank in &ranks {
                    if random.below(left_n) < left_k {
                        sum += rank;
                        left_k -= 1;
                    }
                    left_n -= 1;
                }
                if sum + left_k * non_user_rank >= observed {
                    at_least += 1;
                }
            }
            PValue {
                p: (1 + at_least) as f64 / (1 + DRAWS) as f64,
                at_least,
                out_of: DRAWS,
            }
        }
    }
}

/// The number of k-subsets of the N outlets whose doubled rank sum is at least `observed`:
/// every subset S of the users, standing for the C(N − u, k − |S|) ways to add non-users.
/// For k above N / 2 the N − k outlets left out are chosen instead (their sum is at most the
/// total less `observed`), so that the walk never goes deeper than min(k, N − k) ≤ N / 2.
fn exact_count(ranks: &[u64], n: u64, k: u64, non_user_rank: u64, observed: u64) -> u64 {
    let all = n * (n + 1); // the doubled ranks 1..=N add up to N (N + 1)
    let (k, accept) = if 2 * k > n {
        (n - k, Bound::AtMost(all.saturating_sub(observed)))
    } else {
        (k, Bound::AtLeast(observed))
    };
    // Largest first, with running sums, so that the largest and smallest sums a partial
    // choice can still reach are read off in one step.
    let mut sorted = ranks.to_vec();
    sorted.sort_unstable();
    sorted.reverse();
    let mut prefix = vec![0u64; sorted.len() + 1];
    for (i, &rank) in sorted.iter().enumerate() {
        prefix[i + 1] = prefix[i] + rank;
    }
    Walk {
        ranks: &sorted,
        prefix: &prefix,
        non_users: n - ranks.len() as u64,
        k,
        non_user_rank,
        accept,
    }
    .count(0, 0, 0)
}

/// Which rank sums are counted.
#[derive(Clone, Copy)]
enum Bound {
    AtLeast(u64),
    AtMost(u64),
}

impl Bound {
    fn holds(self, sum: u64) -> bool {
        match self {
            Bound::AtLeast(bound) => sum >= bound,
            Bound::AtMost(bound) => sum <= bound,
        }
    }
}

/// A walk over the subsets of the users (ranks largest first): which to choose, the rest of
/// the k being non-users. A branch whose every completion is counted, or none is, is settled
/// at once by its bounds.
struct Walk<'a> {
    ranks: &'a [u64],
    /// `prefix[i]`: the sum of the first i ranks.
    prefix: &'a [u64],
    non_users: u64,
    k: u64,
    non_user_rank: u64,
    accept: Bound,
}

impl Walk<'_> {
    /// The largest and smallest sums of `more` outlets chosen from the users from `next` on
    /// and the non-users.
    fn reach(&self, next: usize, more: u64) -> (u64, u64) {
        let len = self.ranks.len();
        let left = (len - next) as u64;
        let largest = if more <= left {
            self.prefix[next + more as usize] - self.prefix[next]
        } else {
            self.prefix[len] - self.prefix[next] + (more - left) * self.non_user_rank
        };
        let smallest = if more <= self.non_users {
            more * self.non_user_rank
        } else {
            let users = (more - self.non_users) as usize;
            self.non_users * self.non_user_rank + self.prefix[len] - self.prefix[len - users]
        };
        (largest, smallest)
    }

    /// The subsets that extend `chosen` users of rank sum `sum` with users from `next` on.
    /// Leaving a user out continues the loop; choosing one recurses, at most k deep.
    fn count(&self, mut next: usize, chosen: u64, sum: u64) -> u64 {
        let mut total = 0;
        loop {
            let left = (self.ranks.len() - next) as u64;
            let more = self.k - chosen;
            if left + self.non_users < more {
                return total; // too few outlets left to make up k
            }
            let (largest, smallest) = self.reach(next, more);
            let (all_in, none_in) = match self.accept {
                Bound::AtLeast(_) => (
                    self.accept.holds(sum + smallest),
                    !self.accept.holds(sum + largest),
                ),
                Bound::AtMost(_) => (
                    self.accept.holds(sum + largest),
                    !self.accept.holds(sum + smallest),
                ),
            };
            if all_in {
                let ways = binomial((left + self.non_users) as usize, more as usize);
                return total + ways.unwrap_or(0);
            }
            if none_in || more == 0 || next == self.ranks.len() {
                return total;
            }
            total += self.count(next + 1, chosen + 1, sum + self.ranks[next]);
            next += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(count: u32, term_tokens: u64, on_side: bool) -> Use {
        Use {
            count,
            term_tokens,
            on_side,
        }
    }

    /// Every k-subset of the N outlets, by brute force, with mid-ranks computed from rates
    /// written as fractions: the definition the test statistic must match.
    fn brute_force(all: &[(u32, u64, bool)]) -> f64 {
        let n = all.len();
        let rate = |&(count, tokens, _): &(u32, u64, bool)| {
            if tokens == 0 {
                0.0
            } else {
                f64::from(count) / tokens as f64
            }
        };
        let rates: Vec<f64> = all.iter().map(rate).collect();
        let ranks: Vec<f64> = rates
            .iter()
            .map(|&r| {
                let below = rates.iter().filter(|&&o| o < r).count() as f64;
                let tied = rates.iter().filter(|&&o| o == r).count() as f64;
                below + (tied + 1.0) / 2.0
            })
            .collect();
        let k = all.iter().filter(|u| u.2).count();
        let observed: f64 = (0..n).filter(|&i| all[i].2).map(|i| ranks[i]).sum();
        let (mut total, mut at_least) = (0u64, 0u64);
        for mask in 0u32..(1 << n) {
            if mask.count_ones() as usize != k {
                continue;
            }
            total += 1;
            let sum: f64 = (0..n)
                .filter(|&i| mask & (1 << i) != 0)
                .map(|i| ranks[i])
                .sum();
            if sum >= observed - 1e-9 {
                at_least += 1;
            }
        }
        at_least as f64 / total as f64
    }

    fn p_of(all: &[(u32, u64, bool)], seed: u64) -> f64 {
        let k = all.iter().filter(|u| u.2).count();
        let users: Vec<Use> = all
            .iter()
            .filter(|u| u.0 > 0)
            .map(|&(c, t, s)| unit(c, t, s))
            .collect();
        p_value(&Design::new(k, all.len()), &users, seed).p
    }

    #[test]
    fn binomials_are_exact_and_stop_past_two_to_the_53() {
        assert_eq!(binomial(15, 5), Some(3003));
        assert_eq!(binomial(12, 4), Some(495));
        assert_eq!(binomial(5, 0), Some(1));
        assert_eq!(binomial(3, 5), Some(0));
        assert_eq!(binomial(50, 25), Some(126_410_606_437_752));
        assert_eq!(binomial(60, 30), None);
        assert_eq!(binomial(100, 50), None);
    }

    #[test]
    fn a_term_only_one_sides_outlets_use_gets_the_smallest_p() {
        // 4 of 12 outlets, all four using it, nobody else: 1 / C(12, 4).
        let mut all = vec![(3, 500, true); 4];
        all.extend(vec![(0, 500, false); 8]);
        assert_eq!(p_of(&all, 1), 1.0 / 495.0);
    }

    #[test]
    fn a_word_every_outlet_uses_alike_gets_a_large_p() {
        let all: Vec<(u32, u64, bool)> = (0..12).map(|i| (5, 500, i < 4)).collect();
        assert_eq!(p_of(&all, 1), 1.0);
    }

    #[test]
    fn one_prolific_outlet_moves_one_rank_not_the_side() {
        // One outlet of the side uses the word 40 times; the other three not at all.
        let mut all = vec![
            (40, 900, true),
            (0, 500, true),
            (0, 500, true),
            (0, 500, true),
        ];
        all.extend(vec![(0, 500, false); 8]);
        let p = p_of(&all, 1);
        assert_eq!(p, brute_force(&all));
        assert!(p > 0.3, "{p}");
    }

    #[test]
    fn exact_p_matches_brute_force_enumeration() {
        // Mixed rates, ties among users and among non-users, units without tokens.
        let cases: Vec<Vec<(u32, u64, bool)>> = vec![
            vec![
                (2, 100, true),
                (1, 50, true),
                (0, 80, true),
                (1, 300, false),
                (3, 90, false),
                (0, 0, false),
                (1, 100, false),
            ],
            vec![
                (1, 10, true),
                (1, 10, false),
                (1, 10, true),
                (1, 10, false),
                (2, 10, false),
            ],
            vec![
                (5, 200, true),
                (4, 200, true),
                (3, 200, true),
                (2, 200, false),
                (1, 200, false),
                (0, 200, false),
                (0, 0, false),
                (6, 200, false),
                (0, 5, true),
                (2, 100, false),
                (1, 400, false),
                (3, 150, true),
            ],
            vec![(1, 10, false), (0, 10, true)],
            vec![
                (3, 30, true),
                (2, 30, true),
                (1, 30, true),
                (1, 30, true),
                (0, 30, false),
                (2, 60, true),
                (0, 30, true),
                (1, 30, false),
                (4, 30, true),
                (0, 30, true),
            ],
        ];
        for all in cases {
            assert_eq!(p_of(&all, 1), brute_force(&all), "{all:?}");
        }
    }

    #[test]
    fn every_small_design_and_pattern_matches_brute_force() {
        // All outlets of 6 with counts 0–2 (equal tokens), every side membership of size 1–5.
        for pattern in 0..3u32.pow(6) {
            let counts: Vec<u32> = (0..6).map(|i| pattern / 3u32.pow(i) % 3).collect();
            for side in 1u32..63 {
                let all: Vec<(u32, u64, bool)> = (0..6)
                    .map(|i| (counts[i], 100, side & (1 << i) != 0))
                    .collect();
                assert_eq!(p_of(&all, 1), brute_force(&all), "{all:?}");
            }
        }
    }

    #[test]
    fn sampled_p_is_near_the_exact_one_and_the_same_for_the_same_seed() {
        // 30 outlets, 10 on the side: C(30, 10) = 30 045 015 assignments, so p is sampled.
        let all: Vec<(u32, u64, bool)> = (0..30)
            .map(|i| ((i * 7 % 5) as u32 + u32::from(i < 10), 300, i < 10))
            .collect();
        let design = Design::new(10, 30);
        assert!(!design.exact);
        let p = p_of(&all, 42);
        assert_eq!(p, p_of(&all, 42));
        // The exact p of this design, counted with the walk (feasible at this size).
        let users: Vec<Use> = all
            .iter()
            .filter(|u| u.0 > 0)
            .map(|&(c, t, s)| unit(c, t, s))
            .collect();
        let exact = p_value(
            &Design {
                exact: true,
                assignments: Some(30_045_015),
                ..design
            },
            &users,
            0,
        )
        .p;
        // 9 999 draws: a standard error of at most 0.005.
        assert!((p - exact).abs() < 0.02, "{p} vs {exact}");
    }

    /// Every k-subset of the units by brute force, ranked by their values as `f64`s with
    /// mid-ranks for ties: the definition the test on keys must match.
    fn brute_force_values(all: &[(f64, bool)]) -> f64 {
        let n = all.len();
        let ranks: Vec<f64> = all
            .iter()
            .map(|&(v, _)| {
                let below = all.iter().filter(|o| o.0 < v).count() as f64;
                let tied = all.iter().filter(|o| o.0 == v).count() as f64;
                below + (tied + 1.0) / 2.0
            })
            .collect();
        let k = all.iter().filter(|u| u.1).count();
        let observed: f64 = (0..n).filter(|&i| all[i].1).map(|i| ranks[i]).sum();
        let (mut total, mut at_least) = (0u64, 0u64);
        for mask in 0u32..(1 << n) {
            if mask.count_ones() as usize != k {
                continue;
            }
            total += 1;
            let sum: f64 = (0..n)
                .filter(|&i| mask & (1 << i) != 0)
                .map(|i| ranks[i])
                .sum();
            if sum >= observed - 1e-9 {
                at_least += 1;
            }
        }
        at_least as f64 / total as f64
    }

    fn p_of_values(all: &[(f64, bool)], seed: u64) -> f64 {
        let k = all.iter().filter(|u| u.1).count();
        let units: Vec<Keyed> = all
            .iter()
            .map(|&(v, on_side)| Keyed {
                key: order_key(v),
                on_side,
            })
            .collect();
        p_value_of_keys(&Design::new(k, all.len()), &units, seed).p
    }

    #[test]
    fn order_keys_sort_as_the_values_do_negative_ones_included() {
        let values = [
            f64::NEG_INFINITY,
            -1.0,
            -0.5,
            -1e-300,
            -0.0,
            0.0,
            1e-300,
            0.25,
            1.0,
            f64::INFINITY,
        ];
        for pair in values.windows(2) {
            if pair[0] == pair[1] {
                assert_eq!(order_key(pair[0]), order_key(pair[1]), "{pair:?}");
            } else {
                assert!(order_key(pair[0]) < order_key(pair[1]), "{pair:?}");
            }
        }
    }

    #[test]
    fn p_on_any_values_matches_brute_force_enumeration() {
        // Mean tones and rates: negative, zero, positive, with ties across and within sides.
        let cases: Vec<Vec<(f64, bool)>> = vec![
            vec![
                (-0.3, true),
                (-0.1, true),
                (0.2, false),
                (0.0, false),
                (-0.3, false),
            ],
            vec![(0.5, true), (0.5, false), (0.5, true), (0.5, false)],
            vec![
                (-0.9, false),
                (0.1, true),
                (0.3, true),
                (0.3, false),
                (-0.2, false),
                (0.0, true),
                (0.7, false),
            ],
            vec![(0.0, true), (-0.0, false), (0.0, false)],
            vec![(1.0, true), (-1.0, false)],
        ];
        for all in cases {
            assert_eq!(p_of_values(&all, 1), brute_force_values(&all), "{all:?}");
        }
    }

    #[test]
    fn every_small_design_of_signed_values_matches_brute_force() {
        // Six units with values −1, 0 or 1 (every pattern), every side membership of size 1–5.
        for pattern in 0..3u32.pow(6) {
            let values: Vec<f64> = (0..6)
                .map(|i| f64::from(pattern / 3u32.pow(i) % 3) - 1.0)
                .collect();
            for side in 1u32..63 {
                let all: Vec<(f64, bool)> = (0..6)
                    .map(|i| (values[i] * 0.37, side & (1 << i) != 0))
                    .collect();
                assert_eq!(p_of_values(&all, 1), brute_force_values(&all), "{all:?}");
            }
        }
    }

    #[test]
    fn sampled_p_on_values_is_near_the_exact_one() {
        // 24 units, 8 on the side: C(24, 8) = 735 471 choices, so p is sampled.
        let all: Vec<(f64, bool)> = (0..24)
            .map(|i: i32| {
                (
                    f64::from(i * 7 % 11 - 5) / 10.0 + if i < 8 { 0.15 } else { 0.0 },
                    i < 8,
                )
            })
            .collect();
        let design = Design::new(8, 24);
        assert!(!design.exact);
        let units: Vec<Keyed> = all
            .iter()
            .map(|&(v, on_side)| Keyed {
                key: order_key(v),
                on_side,
            })
            .collect();
        let sampled = p_value_of_keys(&design, &units, 7).p;
        let exact = p_value_of_keys(
            &Design {
                exact: true,
                assignments: Some(735_471),
                ..design
            },
            &units,
            0,
        )
        .p;
        assert!((sampled - exact).abs() < 0.02, "{sampled} vs {exact}");
    }

    #[test]
    fn the_smallest_p_is_one_over_the_assignments_or_over_ten_thousand() {
        assert_eq!(Design::new(2, 5).min_p(), 0.1);
        assert_eq!(Design::new(4, 12).min_p(), 1.0 / 495.0);
        assert_eq!(Design::new(10, 30).min_p(), 1.0 / 10_000.0);
        assert_eq!(Design::new(0, 5).assignments, Some(1));
    }
}
