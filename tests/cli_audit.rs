//! `handoff-coach audit` through the real binary: the shared corpus's bad
//! lines and their exact error lines, JSONL and CSV output, and every kind of
//! bad input the contract lists (CONTRACT §3, §6.13; corpus bad.expect.md).

mod cli_support;

use cli_support::{bin, conversations, corpus, scratch, text};
use serde_json::Value;

/// The corpus's bad.jsonl, as bad.expect.md says a good tool reports it.
const BAD_LINES: [&str; 8] = [
    "1: invalid JSON: unexpected end of line (object not closed) at column 261",
    "2: messages: required field missing",
    "3: messages[1].role: unknown role \"bot\" (expected customer, ai or agent)",
    "4: messages[2].at: invalid timestamp \"2026-02-30T09:01:00Z\" (day out of range)",
    "5: summary: expected string, got array",
    "6: messages: expected array, got object",
    "7: messages[0].text: expected string, got null",
    "8: expected a JSON object, got array",
];

fn good_line(id: &str) -> String {
    format!(
        r#"{{"id":"{id}","summary":"Customer: Sarah Chen\nOrder #: 12345","messages":[{{"role":"customer","text":"Order 12345 never came.","at":"2026-03-02T10:00:00Z"}},{{"role":"ai","text":"Connecting you.","at":"2026-03-02T10:00:02Z"}},{{"role":"agent","text":"Hi Sarah, I'm Alex. Let me check order 12345 - give me 2 minutes.","at":"2026-03-02T10:00:32.5Z"}}]}}"#
    )
}

fn jsonl(stdout: &[u8]) -> Vec<Value> {
    text(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn bad_jsonl_reports_every_line_exactly_and_exits_2() {
    let path = corpus("bad.jsonl");
    let out = bin().arg("audit").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing is audited");
    let name = path.display().to_string();
    let mut want: Vec<String> = BAD_LINES.iter().map(|l| format!("{name}:{l}")).collect();
    want.push(format!(
        "{name}: 0 conversations audited, 8 bad lines skipped"
    ));
    assert_eq!(text(&out.stderr).lines().collect::<Vec<_>>(), want);
}

#[test]
fn bad_lines_mixed_into_good_ones_keep_their_line_numbers() {
    let bad = std::fs::read_to_string(corpus("bad.jsonl")).unwrap();
    let mut input = String::new();
    for (i, bad_line) in bad.lines().enumerate() {
        input.push_str(&good_line(&format!("ok-{i}")));
        input.push('\n');
        input.push_str(bad_line);
        input.push('\n');
    }
    let path = scratch("mixed.jsonl", &input);
    let out = bin().arg("audit").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let ids: Vec<String> = jsonl(&out.stdout)
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        (0..8).map(|i| format!("ok-{i}")).collect::<Vec<_>>(),
        "good lines audited, in order"
    );
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 9);
    for (i, want) in BAD_LINES.iter().enumerate() {
        let (_, rest) = want.split_once(": ").unwrap();
        assert_eq!(
            lines[i],
            format!("{}:{}: {rest}", path.display(), 2 * (i + 1))
        );
    }
    assert!(
        lines[8].ends_with("8 conversations audited, 8 bad lines skipped"),
        "{}",
        lines[8]
    );
}

#[test]
fn the_corpus_conversations_are_audited_in_order_with_extra_keys_ignored() {
    let out = bin()
        .arg("audit")
        .arg(corpus("conversations.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty());
    let audits = jsonl(&out.stdout);
    let want = conversations();
    assert_eq!(audits.len(), want.len());
    for (a, c) in audits.iter().zip(&want) {
        assert_eq!(a["id"], c["id"]);
        let keys: Vec<&str> = a.as_object().unwrap().keys().map(String::as_str).collect();
        for key in ["id", "context", "qa", "score", "metrics", "messages"] {
            assert!(keys.contains(&key), "{key} in {keys:?}");
        }
        // One entry per agent message, at its 0-based index among all.
        let agents: Vec<usize> = c["messages"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .filter(|(_, m)| m["role"] == "agent")
            .map(|(i, _)| i)
            .collect();
        let judged: Vec<usize> = a["messages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["index"].as_u64().unwrap() as usize)
            .collect();
        assert_eq!(judged, agents, "{}", c["id"]);
        for (n, m) in a["messages"].as_array().unwrap().iter().enumerate() {
            let want = if n == 0 {
                "first"
            } else if n + 1 == agents.len() {
                "closing"
            } else {
                "resolution"
            };
            assert_eq!(m["phase"], want, "{} message {n}", c["id"]);
        }
    }
}

/// The metrics that need only timestamps and the customer's words.
#[test]
fn the_corpus_response_times_and_restatements_are_right() {
    let out = bin()
        .arg("audit")
        .arg(corpus("conversations.jsonl"))
        .output()
        .unwrap();
    for (a, c) in jsonl(&out.stdout).iter().zip(conversations()) {
        let want = &c["expect"]["metrics"];
        let got = &a["metrics"];
        match want["time_to_first_response_s"].as_f64() {
            Some(t) => assert!(
                (got["time_to_first_response_s"].as_f64().unwrap() - t).abs() < 1e-6,
                "{}",
                c["id"]
            ),
            None => assert!(got["time_to_first_response_s"].is_null(), "{}", c["id"]),
        }
        assert_eq!(
            got["customer_repeated"], want["customer_repeated"],
            "{}",
            c["id"]
        );
    }
}

/// Every labelled qa item and metric of the corpus (CONTRACT §2, §6.12).
#[test]
fn the_corpus_expectations_hold() {
    let out = bin()
        .arg("audit")
        .arg(corpus("conversations.jsonl"))
        .output()
        .unwrap();
    let mut misses = Vec::new();
    for (a, c) in jsonl(&out.stdout).iter().zip(conversations()) {
        let expect = &c["expect"];
        for (k, v) in expect["qa"].as_object().into_iter().flatten() {
            if &a["qa"][k] != v {
                misses.push(format!("{} {k}: want {v} got {}", c["id"], a["qa"][k]));
            }
        }
        for (k, v) in expect["metrics"].as_object().into_iter().flatten() {
            let got = &a["metrics"][k];
            let same = match (v.as_f64(), got.as_f64()) {
                (Some(w), Some(g)) => (w - g).abs() < 0.01,
                _ => got == v,
            };
            if !same {
                misses.push(format!("{} {k}: want {v} got {got}", c["id"]));
            }
        }
        for (index, rules) in expect["message_must_fire"]
            .as_object()
            .into_iter()
            .flatten()
        {
            let index: u64 = index.parse().unwrap();
            let m = a["messages"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["index"] == index);
            for rule in rules.as_array().unwrap() {
                let fired = m.is_some_and(|m| {
                    m["findings"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|f| &f["rule"] == rule)
                });
                if !fired {
                    misses.push(format!("{} message {index}: {rule} did not fire", c["id"]));
                }
            }
        }
        for (k, v) in expect["context"].as_object().into_iter().flatten() {
            if &a["context"][k] != v {
                misses.push(format!(
                    "{} context {k}: want {v} got {}",
                    c["id"], a["context"][k]
                ));
            }
        }
    }
    assert!(
        misses.is_empty(),
        "{} misses:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

#[test]
fn csv_has_a_header_and_one_row_per_conversation_that_matches_the_jsonl() {
    let input = corpus("conversations.jsonl");
    let json = jsonl(&bin().arg("audit").arg(&input).output().unwrap().stdout);
    let out = bin()
        .args(["audit", "--format", "csv"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let mut want = vec!["id", "score"];
    want.extend(handoff_coach::rules::QA_ITEMS);
    want.extend([
        "time_to_first_response_s",
        "context_utilization",
        "repeat_questions",
        "customer_repeated",
    ]);
    assert_eq!(header, want);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), json.len());
    for (row, a) in rows.iter().zip(&json) {
        for (col, name) in header.iter().enumerate() {
            let value = match name.as_str() {
                "id" | "score" => &a[name],
                n if n.starts_with("qa.") => &a["qa"][n],
                n => &a["metrics"][n],
            };
            let cell = &row[col];
            match value {
                Value::Null => assert_eq!(cell, "", "{name} null is empty"),
                Value::String(s) => assert_eq!(cell, s),
                Value::Bool(b) => assert_eq!(cell, b.to_string()),
                Value::Number(n) => {
                    assert_eq!(cell.parse::<f64>().unwrap(), n.as_f64().unwrap(), "{name}")
                }
                other => panic!("{name}: unexpected {other}"),
            }
        }
    }
}

#[test]
fn csv_of_only_bad_lines_is_only_the_header() {
    let out = bin()
        .args(["audit", "--format", "csv"])
        .arg(corpus("bad.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout).lines().count(), 1);
}

#[test]
fn reads_standard_input_and_names_it_in_errors() {
    let input = format!("{}\nnot json\n", good_line("c-1"));
    let out = bin()
        .args(["audit", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(jsonl(&out.stdout)[0]["id"], "c-1");
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("<stdin>:2: invalid JSON: "), "{stderr}");
    assert!(
        stderr.ends_with("<stdin>: 1 conversation audited, 1 bad line skipped\n"),
        "{stderr}"
    );
}

#[test]
fn an_empty_file_gives_no_output_and_exit_0() {
    let out = bin()
        .arg("audit")
        .arg(scratch("empty.jsonl", ""))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

#[test]
fn crlf_bom_and_blank_lines_are_tolerated() {
    let lf = format!("{}\n{}\n", good_line("a"), good_line("b"));
    let crlf = format!(
        "\u{FEFF}{}\r\n\r\n   \r\n{}\r\n\n",
        good_line("a"),
        good_line("b")
    );
    let want = bin()
        .arg("audit")
        .arg(scratch("lf.jsonl", &lf))
        .output()
        .unwrap();
    let got = bin()
        .arg("audit")
        .arg(scratch("crlf.jsonl", &crlf))
        .output()
        .unwrap();
    assert_eq!(got.status.code(), Some(0), "{}", text(&got.stderr));
    assert!(got.stderr.is_empty());
    assert_eq!(jsonl(&got.stdout), jsonl(&want.stdout));
    assert_eq!(jsonl(&got.stdout).len(), 2);
}

#[test]
fn invalid_utf8_names_the_line_and_the_rest_is_audited() {
    let mut input = good_line("a").into_bytes();
    input.extend(b"\n{\"id\": \"b\xff\", \"messages\": []}\n");
    input.extend(good_line("c").bytes());
    let path = scratch("latin1.jsonl", &input);
    let out = bin().arg("audit").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let ids: Vec<Value> = jsonl(&out.stdout).iter().map(|a| a["id"].clone()).collect();
    assert_eq!(ids, ["a", "c"]);
    let first = text(&out.stderr).lines().next().unwrap().to_string();
    assert_eq!(
        first,
        format!(
            "{}:2: invalid UTF-8 (byte 0xff at column 10)",
            path.display()
        )
    );
}

#[test]
fn a_10_mb_line_is_refused_and_the_next_line_still_audited() {
    let mut input = good_line("before").into_bytes();
    input.push(b'\n');
    let huge = format!(
        r#"{{"id":"huge","messages":[{{"role":"customer","text":"{}"}}]}}"#,
        "x".repeat(10 << 20)
    );
    input.extend(huge.bytes());
    input.push(b'\n');
    input.extend(good_line("after").bytes());
    let path = scratch("huge.jsonl", &input);
    let out = bin().arg("audit").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let ids: Vec<Value> = jsonl(&out.stdout).iter().map(|a| a["id"].clone()).collect();
    assert_eq!(ids, ["before", "after"]);
    let stderr = text(&out.stderr);
    let first = stderr.lines().next().unwrap();
    assert!(first.starts_with(&format!(
        "{}:2: line too long ({} bytes; the limit is ",
        path.display(),
        huge.len()
    )));
}

#[test]
fn a_missing_file_or_a_directory_is_one_line_and_exit_2() {
    for (path, why) in [
        (corpus("no-such-file.jsonl"), "no such file or directory"),
        (corpus(""), "is a directory, not a file"),
    ] {
        let out = bin().arg("audit").arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert_eq!(stderr.trim_end(), format!("{}: {why}", path.display()));
    }
}

#[test]
fn a_bad_pack_stops_the_audit_before_it_starts() {
    let pack = scratch(
        "bad.toml",
        "[rules.\"never-ask.nope\"]\nseverity = \"off\"\n",
    );
    let out = bin()
        .arg("audit")
        .arg(corpus("conversations.jsonl"))
        .arg("--pack")
        .arg(&pack)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        format!(
            "{}:1:8: unknown rule id \"never-ask.nope\"\n",
            pack.display()
        )
    );
}

#[test]
fn pack_weights_and_critical_items_change_the_score() {
    let input = corpus("conversations.jsonl");
    let plain = jsonl(&bin().arg("audit").arg(&input).output().unwrap().stdout);
    // Every item but one weighs nothing: the score is that item's value.
    let weights: Vec<String> = handoff_coach::rules::QA_ITEMS
        .iter()
        .map(|id| {
            format!(
                "\"{id}\" = {}",
                if *id == "qa.no-repeat-questions" {
                    1
                } else {
                    0
                }
            )
        })
        .collect();
    let pack = scratch(
        "weights.toml",
        format!("[qa]\nweights = {{ {} }}\n", weights.join(", ")),
    );
    let weighted = jsonl(
        &bin()
            .arg("audit")
            .arg(&input)
            .arg("--pack")
            .arg(&pack)
            .output()
            .unwrap()
            .stdout,
    );
    for (p, w) in plain.iter().zip(&weighted) {
        let item = &p["qa"]["qa.no-repeat-questions"];
        let want = match item.as_bool() {
            Some(true) => Value::from(1.0),
            Some(false) => Value::from(0.0),
            None => Value::Null,
        };
        assert_eq!(w["score"], want, "{}", p["id"]);
    }
}

#[test]
fn many_lines_come_out_in_input_order() {
    let input: String = (0..5000)
        .map(|i| good_line(&format!("c{i}")) + "\n")
        .collect();
    let out = bin()
        .arg("audit")
        .arg(scratch("many.jsonl", &input))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let ids: Vec<String> = jsonl(&out.stdout)
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, (0..5000).map(|i| format!("c{i}")).collect::<Vec<_>>());
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `audit big.jsonl | head -1`: the pipe closes; the run ends quietly.
    let input: String = (0..20_000)
        .map(|i| good_line(&format!("c{i}")) + "\n")
        .collect();
    let path = scratch("pipe.jsonl", &input);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_handoff-coach"))
        .arg("audit")
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

/// Messy cards and messages (markup, boxes, labels, emoji, combining marks,
/// non-ASCII first letters, stray `<` and `&`) never stop an audit: every
/// line is audited and nothing is reported. A panic anywhere in the core
/// would show up here as a skipped line.
#[test]
fn messy_text_is_always_audited() {
    const BITS: &[&str] = &[
        "Ł",
        "ukasz",
        "Zoë",
        "e\u{301}",
        "😡",
        "👍🏽",
        "│",
        "┌──┐",
        "<",
        "</dd>",
        "<dl><dt>",
        "Customer",
        "Name - ",
        ": ",
        "Order #",
        "#",
        "A-99812",
        "12345",
        "&amp;",
        "&#39;",
        "&",
        " ",
        "\n",
        "\t",
        "\r\n",
        "Sentiment: Angry",
        "VIP",
        "—",
        "…",
        "?",
        "I already told the bot",
        "What's your order number",
        "Hi ",
        "I'm Alex",
        "2 minutes",
        "sorry",
        "\"",
        "\\",
        "{",
        "}",
        "ß",
        "İ",
        "ﬁ",
        "\u{200B}",
        "\u{FEFF}",
        "日本",
        "Ørsted",
        "O’Brien",
    ];
    let mut seed = 0x1234_5678_9ABC_DEF0u64;
    let mut next = move |n: usize| {
        seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    };
    let text = |n: &mut dyn FnMut(usize) -> usize| -> String {
        (0..n(40)).map(|_| BITS[n(BITS.len())]).collect()
    };
    let mut input = String::new();
    let lines = 1500;
    for i in 0..lines {
        let messages: Vec<Value> = (0..next(8))
            .map(|_| {
                let role = ["customer", "ai", "agent"][next(3)];
                serde_json::json!({"role": role, "text": text(&mut next)})
            })
            .collect();
        let line = serde_json::json!({"id": format!("m{i}"), "summary": text(&mut next), "messages": messages});
        input.push_str(&line.to_string());
        input.push('\n');
    }
    let out = bin()
        .arg("audit")
        .arg(scratch("messy.jsonl", &input))
        .output()
        .unwrap();
    assert_eq!(text_of(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(jsonl(&out.stdout).len(), lines);
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
