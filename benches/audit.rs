//! The audit benchmark: how fast `handoff-coach audit` goes through a file of
//! realistic conversations, next to how fast serde_json alone can parse the
//! same file (the ceiling: an audit has to parse every line), and how much
//! memory an audit of a 1 GB file takes at its peak.
//!
//! ```text
//! scripts/bench-audit                      # 20,000 conversations + the 1 GB memory run
//! scripts/bench-audit --conversations 5000 --memory-mb 0   # quick: no memory run
//! ```
//!
//! The conversations come from a fixed seed, so every run reads the same
//! bytes. The audit runs as the real binary (every core, as a user runs it)
//! with its output thrown away; its peak memory is the kernel's own count of
//! its resident high-water mark (VmHWM, through `wait4`).

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use rayon::prelude::*;
use serde_json::{json, Value};

fn main() {
    let mut conversations = 20_000usize;
    let mut memory_mb = 1024usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |what: &str| -> usize {
            args.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{what} needs a number"))
        };
        match arg.as_str() {
            "--conversations" => conversations = number("--conversations"),
            "--memory-mb" => memory_mb = number("--memory-mb"),
            // `cargo bench` passes `--bench`; anything else is a mistake.
            "--bench" => {}
            other => panic!("unknown argument {other} (expected --conversations N, --memory-mb N)"),
        }
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-audit");
    std::fs::create_dir_all(&dir).expect("bench folder");

    let file = dir.join(format!("conversations-{conversations}.jsonl"));
    let bytes = generate(&file, Limit::Conversations(conversations));
    let cores = rayon::current_num_threads();
    println!(
        "input: {conversations} conversations, {:.1} MB ({:.0} bytes per conversation), {cores} cores, best of {RUNS} runs",
        mb(bytes),
        bytes as f64 / conversations as f64,
    );

    // The audits run first, while this process is still small: a child's
    // high-water mark starts from its parent's memory (the kernel carries
    // it over exec), so the peak read below is an upper bound that includes
    // at most this process's own resident set, printed beside it.
    let own_kb = own_peak_kb();
    let audit = best((0..RUNS).map(|_| run_audit(&file)));
    let big = (memory_mb > 0).then(|| {
        let path = dir.join(format!("conversations-{memory_mb}mb.jsonl"));
        let big_bytes = generate(&path, Limit::Bytes(memory_mb << 20));
        let run = run_audit(&path);
        // Regenerated from the seed on the next run: no gigabyte left on disk.
        let _ = std::fs::remove_file(&path);
        (big_bytes, run)
    });
    let parse_one = (0..RUNS)
        .map(|_| parse_only(&file, false))
        .fold(f64::INFINITY, f64::min);
    let parse_all = (0..RUNS)
        .map(|_| parse_only(&file, true))
        .fold(f64::INFINITY, f64::min);

    let rate = |seconds: f64| (mb(bytes) / seconds, conversations as f64 / seconds);
    let line = |what: &str, seconds: f64| {
        let (mbs, convs) = rate(seconds);
        println!("{what:<34} {mbs:8.1} MB/s {convs:10.0} conversations/s");
    };
    line("serde_json parse only, 1 thread (CPU)", parse_one);
    line(
        &format!("serde_json parse only, {cores} threads"),
        parse_all,
    );
    line("handoff-coach audit", audit.seconds);
    // Throughput per CPU-second does not depend on what else runs: the
    // audit on `cores` free cores would reach `cores` times it.
    let per_cpu = mb(bytes) / audit.cpu_seconds;
    println!(
        "audit per CPU-second: {per_cpu:.1} MB; on {cores} free cores {:.1} MB/s = {:.0}% of 1-thread parse only",
        per_cpu * cores as f64,
        100.0 * per_cpu * cores as f64 * parse_one / mb(bytes)
    );
    println!(
        "audit / parse only: {:.0}% of 1 thread, {:.0}% of {cores} threads; audit peak memory {:.1} MB",
        100.0 * parse_one / audit.seconds,
        100.0 * parse_all / audit.seconds,
        audit.peak_kb as f64 / 1024.0
    );
    let mut summary = json!({
        "conversations": conversations,
        "input_mb": mb(bytes),
        "cores": cores,
        "parse_only_mb_s_1_thread": rate(parse_one).0,
        "parse_only_mb_s_all_threads": rate(parse_all).0,
        "audit_mb_s": rate(audit.seconds).0,
        "audit_conversations_s": rate(audit.seconds).1,
        "audit_share_of_parse_1_thread": parse_one / audit.seconds,
        "audit_share_of_parse_all_threads": parse_all / audit.seconds,
        "audit_mb_per_cpu_second": per_cpu,
        "bench_process_peak_mb_at_spawn": own_kb as f64 / 1024.0,
    });
    if let Some((big_bytes, run)) = big {
        println!(
            "audit of {:.0} MB: {:.1} MB/s, peak memory (VmHWM) {:.1} MB (bench process itself: {:.1} MB)",
            mb(big_bytes),
            mb(big_bytes) / run.seconds,
            run.peak_kb as f64 / 1024.0,
            own_kb as f64 / 1024.0
        );
        summary["memory_input_mb"] = json!(mb(big_bytes));
        summary["memory_audit_mb_s"] = json!(mb(big_bytes) / run.seconds);
        summary["memory_peak_mb"] = json!(run.peak_kb as f64 / 1024.0);
    }
    println!("{summary}");
}

/// How many times each throughput is measured; the best run counts, as the
/// machine is shared and a slow run says more about the neighbours.
const RUNS: usize = 3;

fn best(runs: impl Iterator<Item = Run>) -> Run {
    runs.reduce(|a, b| if b.seconds < a.seconds { b } else { a })
        .expect("at least one run")
}

/// This process's own peak resident set (VmHWM), in kB.
fn own_peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1 << 20) as f64
}

/// Seconds to parse every line of `file` into a `serde_json::Value`: on one
/// thread its CPU time, on every core the wall time. The file is read into memory first so that only
/// parsing is timed.
fn parse_only(file: &Path, parallel: bool) -> f64 {
    let data = std::fs::read(file).expect("bench input");
    let lines: Vec<&[u8]> = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let parse = |l: &[u8]| {
        serde_json::from_slice::<Value>(l)
            .map(|v| v.is_object())
            .unwrap_or(false)
    };
    let start = Instant::now();
    let cpu_start = thread_cpu_seconds();
    let parsed = if parallel {
        lines.par_iter().filter(|l| parse(l)).count()
    } else {
        lines.iter().filter(|l| parse(l)).count()
    };
    let cpu = thread_cpu_seconds() - cpu_start;
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(parsed, lines.len(), "every generated line is a JSON object");
    // On one thread, its CPU time is the time parsing took whatever else
    // shares the machine.
    if parallel || cpu.is_nan() {
        seconds
    } else {
        cpu
    }
}

/// CPU time of the calling thread, in seconds.
#[cfg(unix)]
fn thread_cpu_seconds() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given.
    if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } != 0 {
        return f64::NAN;
    }
    t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
}

#[cfg(not(unix))]
fn thread_cpu_seconds() -> f64 {
    f64::NAN
}

struct Run {
    /// Wall time.
    seconds: f64,
    /// User + system CPU time over all of its threads: unlike the wall
    /// time, it does not grow when other work shares the machine.
    cpu_seconds: f64,
    peak_kb: u64,
}

/// Runs the real binary on `file`, output thrown away; its wall time and
/// its peak resident memory.
fn run_audit(file: &Path) -> Run {
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_handoff-coach"))
        .arg("audit")
        .arg(file)
        .stdout(Stdio::null())
        .spawn()
        .expect("the handoff-coach binary");
    let (status, cpu_seconds, peak_kb) = wait_with_peak(child);
    let seconds = start.elapsed().as_secs_f64();
    assert!(status, "the audit of generated conversations succeeds");
    Run {
        seconds,
        cpu_seconds,
        peak_kb,
    }
}

/// Waits for `child` and reads its CPU time and peak resident set (VmHWM)
/// from the kernel's accounting of that very process.
#[cfg(unix)]
fn wait_with_peak(child: std::process::Child) -> (bool, f64, u64) {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data, zero is a valid value for it, and
    // wait4 writes it for the child we spawned and have not waited for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4");
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    // Linux reports ru_maxrss in kilobytes.
    (
        ok,
        secs(usage.ru_utime) + secs(usage.ru_stime),
        usage.ru_maxrss as u64,
    )
}

#[cfg(not(unix))]
fn wait_with_peak(mut child: std::process::Child) -> (bool, f64, u64) {
    (
        child.wait().map(|s| s.success()).unwrap_or(false),
        f64::NAN,
        0,
    )
}

enum Limit {
    Conversations(usize),
    Bytes(usize),
}

/// Writes conversations from the fixed seed until `limit`; returns the
/// file's size.
fn generate(path: &Path, limit: Limit) -> u64 {
    let mut out = BufWriter::new(File::create(path).expect("bench file"));
    let mut rng = Rng(0x5EED_CAFE_F00D_0001);
    let (mut n, mut bytes) = (0usize, 0usize);
    loop {
        match limit {
            Limit::Conversations(max) if n >= max => break,
            Limit::Bytes(max) if bytes >= max => break,
            _ => {}
        }
        let line = conversation(&mut rng, n).to_string();
        out.write_all(line.as_bytes())
            .and_then(|()| out.write_all(b"\n"))
            .expect("write bench file");
        bytes += line.len() + 1;
        n += 1;
    }
    out.flush().expect("write bench file");
    // Every line must be one the audit accepts.
    let first = BufReader::new(File::open(path).unwrap()).lines().next();
    if let Some(line) = first {
        handoff_coach::audit::parse_line(&line.unwrap()).expect("generated lines are valid");
    }
    bytes as u64
}

/// splitmix64: small, fast, and the same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIRST: &[&str] = &[
    "Sarah", "Marcus", "Grace", "Priya", "Kenji", "Zoë", "Siobhán", "José", "Mei-Ling", "Łukasz",
    "Amara", "Helena", "Dana", "Tomás", "Aisha", "Olu", "Ingrid", "Ravi", "Chloé", "Björn",
];
const LAST: &[&str] = &[
    "Chen",
    "Webb",
    "Mbeki",
    "Raman",
    "Watanabe",
    "Okafor",
    "O’Brien",
    "García",
    "Wu",
    "Nowak",
    "Nwosu",
    "Vogt",
    "Whitfield",
    "Müller",
    "Haddad",
    "Lindqvist",
];
const AGENTS: &[&str] = &[
    "Alex", "Ben", "Rosa", "Leo", "Mo", "Ana", "Kai", "Priya", "Jordan", "Tom",
];
const SENTIMENTS: &[&str] = &[
    "Frustrated",
    "Angry",
    "Neutral",
    "Annoyed",
    "Anxious",
    "Calm",
    "Upset",
    "Worried",
];
const PLANS: &[&str] = &[
    "Pro Plan (2 years)",
    "Business plan (annual)",
    "Family plan since 2020",
    "Free tier",
    "Enterprise",
];

/// A problem: what the customer says, the card's issue line, what the bot
/// tries, and what the agent finally does.
struct Problem {
    customer: &'static str,
    issue: &'static str,
    bot: &'static str,
    fix: &'static str,
}

const PROBLEMS: &[Problem] = &[
    Problem {
        customer: "I've been charged twice for March on my plan. I want the extra charge refunded.",
        issue: "Charged twice for March",
        bot: "Duplicate charges are usually reversed automatically within 5–10 business days.",
        fix: "I've refunded the duplicate charge. You'll see it back on your card in 3–5 business days.",
    },
    Problem {
        customer: "My parcel says delivered but it's not here. I checked with the neighbours.",
        issue: "Parcel marked delivered, not received",
        bot: "Parcels sometimes arrive up to 24 hours after being marked delivered.",
        fix: "The carrier confirmed it went to the wrong address. I've sent a replacement by express, arriving tomorrow.",
    },
    Problem {
        customer: "I got the wrong size. I ordered a 10 and got an 8, and I want an exchange not a refund.",
        issue: "Wrong size delivered, wants exchange",
        bot: "I can offer you a prepaid return label for a refund.",
        fix: "I've set up the exchange at your original price and a prepaid label is on its way to your email.",
    },
    Problem {
        customer: "I reset my password twice and I'm still locked out 😡 I pay for this!!",
        issue: "Locked out after password reset",
        bot: "Try resetting your password again from the login page.",
        fix: "I've cleared the lock on your account, so you can log in again now.",
    },
    Problem {
        customer: "My bill went up from $22.99 to $25.99 and nobody told me. I want the old price.",
        issue: "Price increase dispute",
        bot: "Prices changed on 1 March. Here's the notice we sent to all subscribers.",
        fix: "The notice email bounced, so I've applied a credit: you'll pay $22.99 for the next 3 months.",
    },
];

fn card(rng: &mut Rng, name: &str, order: &str, p: &Problem, sentiment: &str) -> String {
    let plan = rng.pick(PLANS);
    match rng.below(4) {
        0 => format!(
            "Customer: {name}\nOrder #: {order}\nAccount: {plan}\nEscalation reason: {}\nAI attempts: 2\nSentiment: {sentiment}\nPriority: High\nAI summary: {} The bot said: {}",
            p.issue, p.customer, p.bot
        ),
        1 => format!(
            "┌──────────────────────────────┐\n│ ESCALATED CONVERSATION │\n│ Customer: {name} │\n│ Order: #{order} │\n│ Issue: {} │\n│ Sentiment: {sentiment} │\n└──────────────────────────────┘",
            p.issue
        ),
        2 => format!(
            "{name} wrote in about order {order}: {}. The bot tried once ({}). Customer sounds {}.",
            p.issue.to_lowercase(),
            p.bot,
            sentiment.to_lowercase()
        ),
        _ => format!(
            "<dl><dt>Customer</dt><dd>{name}</dd><dt>Order ID</dt><dd>{order}</dd><dt>Plan</dt><dd>{plan}</dd><dt>Issue</dt><dd>{}</dd><dt>Sentiment</dt><dd>{sentiment}</dd></dl>",
            p.issue
        ),
    }
}

fn conversation(rng: &mut Rng, n: usize) -> Value {
    let first = rng.pick(FIRST);
    let name = format!("{first} {}", rng.pick(LAST));
    let order = format!(
        "{}{}",
        ["", "A-", "SO-", "#"][rng.below(4)],
        10_000 + rng.below(990_000)
    );
    let order = order.trim_start_matches('#').to_string();
    let p = &PROBLEMS[rng.below(PROBLEMS.len())];
    let sentiment = rng.pick(SENTIMENTS);
    let agent = rng.pick(AGENTS);
    let offset = ["Z", "+01:00", "-05:00", "+05:30"][rng.below(4)];
    let mut t = 1_772_000_000 + rng.below(10_000_000) as u64;
    let mut messages = Vec::new();
    let mut say = |rng: &mut Rng, role: &str, text: String| {
        t += 2 + rng.below(120) as u64;
        let millis = if rng.chance(20) {
            format!(".{:03}", rng.below(1000))
        } else {
            String::new()
        };
        let at = jiff::Timestamp::from_second(t as i64)
            .expect("in range")
            .strftime("%Y-%m-%dT%H:%M:%S")
            .to_string();
        messages.push(json!({"role": role, "text": text, "at": format!("{at}{millis}{offset}")}));
    };
    say(rng, "customer", format!("{} Order {order}.", p.customer));
    say(
        rng,
        "ai",
        format!(
            "I'm sorry to hear that! {} Is there anything else I can help with?",
            p.bot
        ),
    );
    for _ in 0..rng.below(3) {
        say(
            rng,
            "customer",
            "That doesn't help. I want to talk to a person, please.".into(),
        );
        say(
            rng,
            "ai",
            "Connecting you with a member of our team now — they'll be with you shortly.".into(),
        );
    }
    let good = rng.chance(60);
    if good {
        say(
            rng,
            "agent",
            format!(
                "Hi {first}, I'm {agent}, and I've got the details from your chat. I can see order {order} — {}. I understand how frustrating that is. Let me look into it now; give me about 2 minutes.",
                p.issue.to_lowercase()
            ),
        );
    } else {
        let opener = rng.pick(&[
            "Hi, how can I help you today?",
            "Hello! What's your order number?",
            "Sorry the bot couldn't help!! 😅 Could you explain again what happened?",
            "Hey hey!! 😄🎉 No worries at all!! What's up?",
        ]);
        say(rng, "agent", opener.to_string());
        say(
            rng,
            "customer",
            format!("As I already told the bot: {} Order {order}.", p.customer),
        );
        say(
            rng,
            "agent",
            format!("Thanks. Let me check order {order} for you, one moment."),
        );
    }
    say(
        rng,
        "agent",
        format!("I'm looking at your account now… {}", p.fix),
    );
    say(rng, "agent", "Does that resolve everything for you?".into());
    say(rng, "customer", "Yes, that works. Thank you!".into());
    say(rng, "agent", format!("You're welcome, {first} — thanks for your patience with the handoff. Have a great day!"));
    let summary = card(rng, &name, &order, p, sentiment);
    json!({"id": format!("bench-{n}"), "summary": summary, "messages": messages, "channel": "chat"})
}
