//! A fingerprint of what a catalogue says: two reports that show the same one were judged by the
//! same questions, rules and dates.

use crate::model::catalog::Catalog;

/// What the checklists say, not where it stands: each rule, question and date is hashed on its
/// own and the hashes are sorted, so the order of files and keys changes nothing. The text is
/// hashed as it is written, without building it.
pub(crate) fn of(catalog: &Catalog) -> u64 {
    use std::fmt::Write;
    let item = |write: &dyn Fn(&mut Fnv) -> std::fmt::Result| {
        let mut h = Fnv::new();
        // Writing into a hash cannot fail.
        let _ = write(&mut h);
        h.0
    };
    let mut items: Vec<u64> = catalog
        .rules
        .iter()
        .map(|r| {
            item(&|h| {
                write!(
                    h,
                    "{}|{:?}|{}|{}|{}|{}|{}|{:?}|{:?}",
                    r.id,
                    r.severity,
                    r.blocker,
                    r.title,
                    r.risk,
                    r.remediation,
                    r.owner,
                    r.leadership,
                    r.references
                )
            })
        })
        .chain(catalog.questions.iter().map(|q| {
            item(&|h| {
                write!(
                    h,
                    "{}|{}|{}|{}|{:?}",
                    q.id, q.prompt, q.help, q.weight, q.kind
                )
            })
        }))
        .chain(
            catalog
                .deadlines
                .iter()
                .map(|d| item(&|h| write!(h, "{}|{}", d.id, d.date))),
        )
        .collect();
    items.sort_unstable();
    let mut all = Fnv::new();
    for i in items {
        all.bytes(&i.to_le_bytes());
    }
    all.0
}

/// FNV-1a, 64 bits: stable across builds and platforms, which the standard hasher is not.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl std::fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.bytes(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fnv1a() {
        // Published FNV-1a 64-bit test vectors.
        let hash = |b: &[u8]| {
            let mut h = Fnv::new();
            h.bytes(b);
            h.0
        };
        assert_eq!(hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
