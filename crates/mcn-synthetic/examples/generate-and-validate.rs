//! Writes a synthetic network document to a file, or loads and validates one,
//! printing sizes and timings: the measurement tool behind
//! `docs/PERFORMANCE.md` (run it under `/usr/bin/time -v` for peak memory).
//!
//! ```text
//! cargo run --release -p mcn-synthetic --example generate-and-validate -- \
//!     generate national /tmp/national.json [--seed N] [--as-of 2026-04-01]
//! /usr/bin/time -v target/release/examples/generate-and-validate \
//!     validate /tmp/national.json [--as-of 2026-04-01]
//! ```
//!
//! Scales: `small`, `national`, or `national/N` (national counts divided by N).
//! `validate --compare [--repeat N]` instead times a bare `serde_json` parse,
//! `from_json`, and `Network::new` + `validate`, and prints the ratio.

use std::{
    error::Error,
    fs::File,
    io::{BufWriter, Write},
    time::{Duration, Instant},
};

use mcn_core::NaiveDate;
use mcn_network::{Network, NetworkDocument};
use mcn_synthetic::{Counts, Scale, generate};

const USAGE: &str = "usage: generate-and-validate generate SCALE FILE [--seed N] [--as-of DATE]\n       generate-and-validate validate FILE [--as-of DATE] [--compare [--repeat N]]\n  SCALE: small, national or national/N";

fn scale(name: &str) -> Result<Scale, Box<dyn Error>> {
    if let Some(divisor) = name.strip_prefix("national/") {
        return Ok(Scale::Custom(Counts::NATIONAL.scaled(1, divisor.parse()?)));
    }
    Ok(name.parse()?)
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let option = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let as_of: NaiveDate = option("--as-of")
        .unwrap_or_else(|| "2026-04-01".to_owned())
        .parse()?;
    let seed: u64 = option("--seed").unwrap_or_else(|| "1".to_owned()).parse()?;
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate", scale_name, path, ..] => {
            let started = Instant::now();
            let document = generate(seed, scale(scale_name)?, as_of);
            let generated = started.elapsed();
            let mut out = BufWriter::new(File::create(path)?);
            serde_json::to_writer(&mut out, &document)?;
            out.flush()?;
            let size = std::fs::metadata(path)?.len();
            println!(
                "generated {scale_name} (seed {seed}, as of {as_of}) in {generated:.2?}; wrote {size} bytes to {path} in {:.2?}",
                started.elapsed().saturating_sub(generated)
            );
            print_counts(&document);
        }
        ["validate", path, ..] if args.iter().any(|a| a == "--rules-only") => {
            // For profiling the rules: parse once, index and validate `repeat` times.
            let repeat: usize = option("--repeat")
                .unwrap_or_else(|| "10".to_owned())
                .parse()?;
            let document = NetworkDocument::from_json(&std::fs::read(path)?)?;
            for _ in 0..repeat {
                let (findings, wall, cpu) = timed(|| {
                    let network = Network::borrowed(&document);
                    network.validate(as_of).findings().len()
                });
                println!("{findings} findings; index and validate: wall {wall:.2?}, cpu {cpu:.2?}");
            }
        }
        ["validate", path, ..] if args.iter().any(|a| a == "--compare") => {
            let repeat: usize = option("--repeat")
                .unwrap_or_else(|| "3".to_owned())
                .parse()?;
            compare(path, as_of, repeat)?;
        }
        ["validate", path, ..] => {
            let started = Instant::now();
            let bytes = std::fs::read(path)?;
            let read = started.elapsed();
            let document = NetworkDocument::from_json(&bytes)?;
            let parsed = started.elapsed();
            drop(bytes);
            let network = Network::new(document);
            let report = network.validate(as_of);
            let done = started.elapsed();
            println!(
                "read {read:.2?}, parse {:.2?}, index and validate {:.2?}, total {done:.2?}",
                parsed.saturating_sub(read),
                done.saturating_sub(parsed)
            );
            println!(
                "{} errors, {} warnings, {} findings in all",
                report.errors().count(),
                report.warnings().count(),
                report.findings().len()
            );
            let mut codes = std::collections::BTreeMap::new();
            for finding in report.findings() {
                *codes
                    .entry((finding.severity, finding.code.as_str()))
                    .or_insert(0_usize) += 1;
            }
            for ((severity, code), count) in codes {
                println!("  {severity:?} {code}: {count}");
            }
            print_counts(network.document());
        }
        _ => return Err(USAGE.into()),
    }
    Ok(())
}

/// CPU time of this thread so far (user + system, 10 ms resolution), from
/// `/proc/thread-self/stat`; zero where that is not available.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after_name
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<u64>().ok())
        .sum();
    Duration::from_millis(ticks * 10)
}

/// Wall-clock and CPU time of `f`.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration, Duration) {
    let (wall, cpu) = (Instant::now(), cpu_time());
    let out = f();
    (out, wall.elapsed(), cpu_time().saturating_sub(cpu))
}

/// Times, `repeat` times, a bare `serde_json` parse, `from_json`, and
/// `Network::new` + `validate`; prints the fastest of each (wall and CPU)
/// and the ratio of load + rules to the bare parse.
fn compare(path: &str, as_of: NaiveDate, repeat: usize) -> Result<(), Box<dyn Error>> {
    let bytes = std::fs::read(path)?;
    let mut best = [(Duration::MAX, Duration::MAX); 3];
    let mut keep = |i: usize, wall: Duration, cpu: Duration| {
        if let Some(slot) = best.get_mut(i) {
            slot.0 = slot.0.min(wall);
            slot.1 = slot.1.min(cpu);
        }
    };
    for _ in 0..repeat.max(1) {
        let (bare, wall, cpu) = timed(|| serde_json::from_slice::<NetworkDocument>(&bytes));
        keep(0, wall, cpu);
        drop(bare?);
        let (document, wall, cpu) = timed(|| NetworkDocument::from_json(&bytes));
        keep(1, wall, cpu);
        let document = document?;
        let ((network, report), wall, cpu) = timed(|| {
            let network = Network::new(document);
            let report = network.validate(as_of);
            (network, report)
        });
        keep(2, wall, cpu);
        drop((network, report));
    }
    let [bare, load, rules] = best;
    breakdown(&bytes, as_of, repeat)?;
    for (name, (wall, cpu)) in [
        ("bare serde_json parse", bare),
        ("NetworkDocument::from_json", load),
        ("Network::new + validate", rules),
    ] {
        println!("{name:<28} wall {wall:>10.2?}  cpu {cpu:>10.2?}");
    }
    let ratio = |load: Duration, rules: Duration, bare: Duration| {
        if bare.is_zero() {
            f64::NAN
        } else {
            (load + rules).as_secs_f64() / bare.as_secs_f64()
        }
    };
    println!(
        "(load + rules) / bare parse: wall {:.2}, cpu {:.2} ({} bytes, best of {repeat})",
        ratio(load.0, rules.0, bare.0),
        ratio(load.1, rules.1, bare.1),
        bytes.len()
    );
    Ok(())
}

/// The fastest of `repeat` runs of each part of validation: indexing, each
/// domain crate's rules on its own, and the whole `Network::validate` (the
/// cross-entity rules are what it adds to the domains' rules).
fn breakdown(bytes: &[u8], as_of: NaiveDate, repeat: usize) -> Result<(), Box<dyn Error>> {
    let d = NetworkDocument::from_json(bytes)?;
    let mut parts: Vec<(&str, Duration, Duration, usize)> = Vec::new();
    let mut best = |name: &'static str, run: &mut dyn FnMut() -> usize| {
        let mut fastest = (Duration::MAX, Duration::MAX, 0);
        for _ in 0..repeat.max(1) {
            let (findings, wall, cpu) = timed(&mut *run);
            fastest = (fastest.0.min(wall), fastest.1.min(cpu), findings);
        }
        parts.push((name, fastest.0, fastest.1, fastest.2));
    };
    best("Network::borrowed (id indexes)", &mut || {
        Network::borrowed(&d).document().people.len()
    });
    best("mcn_organisations::validate", &mut || {
        mcn_organisations::validate(&d.organisations_data(), as_of).len()
    });
    best("mcn_roles::validate", &mut || {
        mcn_roles::validate(&d.roles_data(), as_of).len()
    });
    best("mcn_governance::validate", &mut || {
        mcn_governance::validate(&d.governance_data(), as_of).len()
    });
    best("mcn_training::validate", &mut || {
        mcn_training::validate(&d.training_data(), as_of).len()
    });
    best("mcn_standards::validate", &mut || {
        mcn_standards::validate(&d.standards_data(), as_of).len()
    });
    let network = Network::borrowed(&d);
    best("Network::validate (all rules)", &mut || {
        network.validate(as_of).findings().len()
    });
    for (name, wall, cpu, findings) in parts {
        println!("{name:<32} wall {wall:>10.2?}  cpu {cpu:>10.2?}  findings {findings}");
    }
    Ok(())
}

fn print_counts(d: &NetworkDocument) {
    let decisions: usize = d.meetings.iter().map(|m| m.decisions.len()).sum();
    let attendance: usize = d.meetings.iter().map(|m| m.attendance.len()).sum();
    println!(
        "organisations {}, localities {}, memberships {}, services {}, people {}, posts {}, appointments {}, \
         bodies {}, seats {}, meetings {} (attendance {attendance}, decisions {decisions}), objectives {}, risks {}, \
         courses {}, events {}, registrations {}, standards {}, adoptions {}, audit results {}",
        d.organisations.len(),
        d.localities.len(),
        d.memberships.len(),
        d.services.len(),
        d.people.len(),
        d.posts.len(),
        d.appointments.len(),
        d.bodies.len(),
        d.seats.len(),
        d.meetings.len(),
        d.objectives.len(),
        d.risks.len(),
        d.courses.len(),
        d.events.len(),
        d.registrations.len(),
        d.standards.len(),
        d.adoptions.len(),
        d.audit_results.len(),
    );
}
