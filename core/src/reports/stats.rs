//! The few statistics the reports share, on plain numbers.

/// The p-th percentile (0–100) of `values`, interpolating linearly between
/// the two nearest ranks (NumPy's default, "type 7"): the median is p = 50.
/// None for no values. Sorts `values`.
pub fn percentile(values: &mut [f64], p: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable_by(f64::total_cmp);
    let rank = (p / 100.0).clamp(0.0, 1.0) * (values.len() - 1) as f64;
    let (below, above) = (rank.floor() as usize, rank.ceil() as usize);
    Some(values[below] + (values[above] - values[below]) * (rank - below as f64))
}

pub fn median(values: &mut [f64]) -> Option<f64> {
    percentile(values, 50.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_numpy_percentile() {
        // numpy.percentile([1, 2, 3, 4], [50, 75, 0, 100]) → 2.5, 3.25, 1, 4
        let mut v = [4.0, 1.0, 3.0, 2.0];
        assert_eq!(percentile(&mut v, 50.0), Some(2.5));
        assert_eq!(percentile(&mut v, 75.0), Some(3.25));
        assert_eq!(percentile(&mut v, 0.0), Some(1.0));
        assert_eq!(percentile(&mut v, 100.0), Some(4.0));
        // numpy.percentile([7, 1, 10], 75) → 8.5
        assert_eq!(percentile(&mut [7.0, 1.0, 10.0], 75.0), Some(8.5));
        assert_eq!(median(&mut [5.0]), Some(5.0));
        assert_eq!(median(&mut []), None);
    }
}
