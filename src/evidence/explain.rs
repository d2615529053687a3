//! The evidence mapping of one question, in words, for `migready explain`.

use std::fmt::Write as _;

use crate::evidence::mapping::{self, Check};
use crate::model::{Catalog, Tool};

/// The lines `explain` adds for a question that tool results bear on; empty for the others.
pub fn describe(catalog: &Catalog, question: usize) -> String {
    let (map, _) = mapping::builtin(catalog);
    let Some(q) = map.for_question(question) else {
        return String::new();
    };
    let mut s = String::from("Tenant evidence (migready import):\n");
    for check in &q.checks {
        let _ = writeln!(s, "  {}: {}", ids(check), outcomes(check));
    }
    if let Some(all) = &q.all_pass {
        let _ = writeln!(s, "  every check passed → {}", all.join(", "));
    }
    if let Some(caveat) = &q.caveat {
        let _ = writeln!(s, "  Note: {caveat}");
    }
    s
}

fn ids(check: &Check) -> String {
    Tool::ALL
        .iter()
        .filter_map(|tool| {
            let ids: Vec<&str> = check
                .ids
                .iter()
                .filter(|(t, _)| t == tool)
                .map(|(_, i)| i.as_str())
                .collect();
            (!ids.is_empty()).then(|| format!("{tool} {}", ids.join(", ")))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn outcomes(check: &Check) -> String {
    let mut parts = Vec::new();
    if let Some(pass) = &check.pass {
        parts.push(format!("pass → {}", pass.join(", ")));
    }
    if let Some(fail) = &check.fail {
        parts.push(format!("fail → {}", fail.join(", ")));
    }
    parts.join("; ")
}
