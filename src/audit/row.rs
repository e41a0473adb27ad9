//! One audited conversation as one row of a table: the columns
//! `handoff-coach audit --format csv` prints, and the same cells the
//! browser's QA overlay and QA page download, so a spreadsheet built from
//! either has the same header and the same numbers.

use super::Audit;
use crate::rules::QA_ITEMS;

/// The metric columns, after the QA items, in the order they are printed.
pub const METRIC_COLUMNS: [&str; 4] = [
    "time_to_first_response_s",
    "context_utilization",
    "repeat_questions",
    "customer_repeated",
];

/// The header: `id`, `score`, each QA item, each metric.
pub fn header() -> Vec<String> {
    ["id", "score"]
        .into_iter()
        .chain(QA_ITEMS.iter().copied())
        .chain(METRIC_COLUMNS)
        .map(str::to_string)
        .collect()
}

/// The cells of `audit`, in [`header`]'s order: numbers as Rust prints them,
/// `true` / `false`, and an empty cell for null.
pub fn cells(audit: &Audit) -> Vec<String> {
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let mut row = vec![audit.id.clone(), opt(audit.score)];
    row.extend(QA_ITEMS.iter().map(|id| match audit.qa.get(id).flatten() {
        Some(v) => v.to_string(),
        None => String::new(),
    }));
    let m = &audit.metrics;
    row.extend([
        opt(m.time_to_first_response_s),
        opt(m.context_utilization),
        m.repeat_questions.to_string(),
        m.customer_repeated.to_string(),
    ]);
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::parse_line;
    use crate::Engine;

    #[test]
    fn a_row_has_a_cell_under_every_column() {
        let conv = parse_line(
            r#"{"id":"c,1","summary":"Customer: Sarah Chen","messages":[{"role":"ai","text":"Passing you on.","at":"2026-03-02T10:00:00Z"},{"role":"agent","text":"Hi Sarah, I'm Alex. Give me 2 minutes.","at":"2026-03-02T10:00:42.5Z"}]}"#,
        )
        .unwrap();
        let audit = Engine::default().audit(&conv);
        let (head, row) = (header(), cells(&audit));
        assert_eq!(head.len(), row.len());
        assert_eq!(head[..2], ["id", "score"]);
        assert_eq!(head[2..9], *QA_ITEMS);
        let cell = |name: &str| row[head.iter().position(|h| h == name).unwrap()].as_str();
        assert_eq!(cell("id"), "c,1");
        assert_eq!(cell("time_to_first_response_s"), "42.5");
        assert_eq!(cell("qa.used-name"), "true");
        assert_eq!(cell("repeat_questions"), "0");
        assert_eq!(cell("customer_repeated"), "false");
        assert_eq!(cell("score"), audit.score.unwrap().to_string());
    }

    #[test]
    fn null_is_an_empty_cell() {
        let conv = parse_line(r#"{"id":"x","messages":[]}"#).unwrap();
        let row = cells(&Engine::default().audit(&conv));
        assert_eq!(row[1], "", "no score");
        assert!(row[2..9].iter().all(String::is_empty), "no qa item");
        assert_eq!(row[9], "", "no response time");
    }
}
