//! Stable ids for meetings, resolutions, actions, plan rows and tables.
//!
//! An id is a short hex digest of the fact's identity: council, body, meeting date,
//! item number and the normalised text (case, spacing and punctuation folded), never run
//! order or time, so an unchanged action keeps its id when a pack is re-run or re-issued.

use std::collections::HashSet;

use sha2::{Digest, Sha256};

/// Folds text for identity: lowercase alphanumerics separated by single spaces.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()) {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            gap = true;
        }
    }
    out
}

/// An id `prefix-` + 16 hex digits from the normalised parts.
pub fn stable_id(prefix: &str, parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(normalise(p).as_bytes());
        h.update([0x1f]);
    }
    let digest = h.finalize();
    let mut id = String::with_capacity(prefix.len() + 17);
    id.push_str(prefix);
    id.push('-');
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for b in &digest[..8] {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    id
}

/// Hands out ids that are unique within one pack: when a fact's identity repeats (the
/// same text twice under one minute item), later occurrences get an occurrence number,
/// so ids stay stable as long as the order of identical facts does.
#[derive(Debug, Default)]
pub struct Unique(HashSet<String>);

impl Unique {
    /// A fresh set.
    pub fn new() -> Unique {
        Unique::default()
    }

    /// `stable_id(prefix, parts)`, or with an occurrence number if it was handed out before.
    pub fn id(&mut self, prefix: &str, parts: &[&str]) -> String {
        let mut id = stable_id(prefix, parts);
        let mut n = 1u32;
        while !self.0.insert(id.clone()) {
            n += 1;
            let mut with_n: Vec<&str> = parts.to_vec();
            let occurrence = n.to_string();
            with_n.push(&occurrence);
            id = stable_id(prefix, &with_n);
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_ignore_spacing_case_and_punctuation() {
        let a = stable_id(
            "act",
            &["Haringey", "CSP", "2020-12-16", "23", "Send the  report."],
        );
        let b = stable_id(
            "act",
            &["haringey", "csp", "2020-12-16", "23", "send the report"],
        );
        assert_eq!(a, b);
        assert_eq!(a.len(), "act-".len() + 16);
        assert_ne!(
            a,
            stable_id(
                "act",
                &["Haringey", "CSP", "2020-12-16", "24", "Send the report."]
            )
        );
    }

    #[test]
    fn repeated_identities_get_occurrence_numbers() {
        let mut u = Unique::new();
        let a = u.id("res", &["1", "Noted"]);
        let b = u.id("res", &["1", "Noted"]);
        assert_ne!(a, b);
        assert_eq!(a, stable_id("res", &["1", "Noted"]));
        assert_eq!(b, stable_id("res", &["1", "Noted", "2"]));
    }

    #[test]
    fn parts_do_not_run_together() {
        assert_ne!(stable_id("x", &["ab", "c"]), stable_id("x", &["a", "bc"]));
    }
}
