//! Photos of a claim: how many one claim keeps, and the size they are
//! downscaled to on the tablet before they are stored.

use serde::{Deserialize, Serialize};

/// How many photos one claim keeps: enough to show the fault, few enough
/// for a tablet to sync over a weak connection.
pub const MAX_PHOTOS: usize = 5;

/// The batch storing `photo` with its claim, given the records linked to the
/// claim now; None once the claim holds [`MAX_PHOTOS`] (deleted ones free
/// their place).
pub fn add_photo(photo: &ClaimPhoto, linked: &[crate::store::Record], env: &dyn crate::env::Env) -> Option<crate::store::Batch> {
    let taken = linked.iter().filter(|r| r.kind == crate::warranty::CLAIM_PHOTO && !r.deleted && r.fields.get("warranty_claim_id").and_then(|v| v.as_str()) == Some(photo.warranty_claim_id.as_str())).count();
    (taken < MAX_PHOTOS).then(|| crate::store::create(crate::warranty::CLAIM_PHOTO, photo, env))
}

/// A photo of a claim, downscaled on the tablet before it is stored (kind
/// CLAIM_PHOTO; `warranty_claim_id` links it to its claim).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClaimPhoto {
    pub warranty_claim_id: String,
    /// "image/jpeg".
    pub mime: String,
    /// Base64 of the image bytes.
    pub data: String,
    pub width: u32,
    pub height: u32,
    pub taken_ms: i64,
}

/// The size to downscale a photo of `width`×`height` to so its longer side
/// is at most `max_side`, keeping the aspect ratio (never upscales; at
/// least 1×1).
pub fn downscaled_size(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let longer = width.max(height);
    if longer <= max_side {
        return (width.max(1), height.max(1));
    }
    let scaled = |side: u32| {
        let side = (u64::from(side) * u64::from(max_side) * 2 + u64::from(longer))
            / (2 * u64::from(longer));
        (side as u32).max(1)
    };
    (scaled(width), scaled(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_shrink_to_the_longer_side_keeping_the_ratio() {
        assert_eq!(downscaled_size(4_000, 3_000, 1_280), (1_280, 960));
        assert_eq!(downscaled_size(3_000, 4_000, 1_280), (960, 1_280));
        assert_eq!(
            downscaled_size(1_000, 333, 500),
            (500, 167),
            "166.5 rounds up"
        );
        assert_eq!(
            downscaled_size(800, 600, 1_280),
            (800, 600),
            "never upscaled"
        );
        assert_eq!(downscaled_size(1_280, 1_280, 1_280), (1_280, 1_280));
        assert_eq!(downscaled_size(10_000, 10, 1_000), (1_000, 1));
        assert_eq!(
            downscaled_size(100_000, 10, 1_000),
            (1_000, 1),
            "never thinner than a pixel"
        );
        assert_eq!(downscaled_size(0, 0, 1_280), (1, 1));
    }

    #[test]
    fn a_claim_keeps_at_most_five_photos_and_a_deleted_one_frees_its_place() {
        let env = crate::env::SeededEnv::new(3, 0);
        let photo = |claim: &str| ClaimPhoto { warranty_claim_id: claim.into(), mime: "image/jpeg".into(), ..Default::default() };
        let stored = |p: &ClaimPhoto| crate::store::create(crate::warranty::CLAIM_PHOTO, p, &env).writes.remove(0).record;
        let mut linked: Vec<_> = (0..4).map(|_| stored(&photo("k1"))).collect();
        // Another claim's photo and another kind linked to this claim do not count.
        linked.push(stored(&photo("k2")));
        linked.push(crate::store::create(crate::warranty::VISIT, &serde_json::json!({"warranty_claim_id": "k1"}), &env).writes.remove(0).record);
        let batch = add_photo(&photo("k1"), &linked, &env).expect("the fifth is taken");
        assert_eq!(batch.writes.len(), 1);
        assert_eq!(batch.writes[0].record.kind, "claim_photo");
        linked.push(batch.writes[0].record.clone());
        assert!(add_photo(&photo("k1"), &linked, &env).is_none(), "the sixth is refused");
        let deleted = crate::store::Write::delete(&linked[0], &env).record;
        linked[0] = deleted;
        assert!(add_photo(&photo("k1"), &linked, &env).is_some(), "a deleted photo frees its place");
    }
}
