//! Sorting everything but integers: a merge sort of positions, with the comparison passed as
//! a trait object. The standard library's sorts are generic, and every element type and
//! comparison they are used with is compiled into the WASM module again (4 to 9 KB each);
//! this one is compiled once. Stable, O(n log n). The hot sorts of plain `u64` keys (the
//! counting passes) keep `sort_unstable`, whose one instance all of them share.

/// The positions `0..len` ordered by `less` (a strict order: `less(a, b)` when the item at
/// `a` comes before the one at `b`); equal items keep their order.
pub(crate) fn sorted_positions(len: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut buffer = vec![0usize; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut buffer[start..end] {
                // Take from the right run only when it comes strictly first: stable.
                let take_right = right < end && (left >= middle || less(order[right], order[left]));
                if take_right {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut buffer);
        width *= 2;
    }
    order
}

/// `items` sorted and without repeats, by code point.
pub(crate) fn sorted_unique_strs<'a>(items: &[&'a str]) -> Vec<&'a str> {
    let order = sorted_positions(items.len(), &|a, b| items[a] < items[b]);
    let mut out: Vec<&'a str> = Vec::with_capacity(items.len());
    for position in order {
        if out.last() != Some(&items[position]) {
            out.push(items[position]);
        }
    }
    out
}

/// `items` sorted by code point, repeats kept.
pub(crate) fn sorted_strs<'a>(items: &[&'a str]) -> Vec<&'a str> {
    let order = sorted_positions(items.len(), &|a, b| items[a] < items[b]);
    order.into_iter().map(|position| items[position]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn orders_as_the_standard_stable_sort_does(keys in prop::collection::vec(0u8..6, 0..70)) {
            let order = sorted_positions(keys.len(), &|a, b| keys[a] < keys[b]);
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            expected.sort_by_key(|&i| keys[i]);
            prop_assert_eq!(order, expected);
        }
    }

    #[test]
    fn strings_sort_by_code_point_with_or_without_repeats() {
        let items = ["b", "B", "a", "b", "é", ""];
        assert_eq!(sorted_strs(&items), ["", "B", "a", "b", "b", "é"]);
        assert_eq!(sorted_unique_strs(&items), ["", "B", "a", "b", "é"]);
    }
}
