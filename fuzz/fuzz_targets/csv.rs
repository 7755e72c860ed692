//! One CSV table: the input's first line is the file name (which names the
//! table, e.g. `people.csv`; a final carriage return is dropped), the rest is
//! the file's bytes. The `network`
//! table is imported on its own (a new document); any other table is merged
//! into the minimal example network. An imported document is then validated
//! and evaluated. Import may refuse the input, with a non-empty message;
//! nothing may panic.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mcn::{EvaluationSettings, NaiveDate, Network, NetworkDocument};

static MINIMAL: LazyLock<NetworkDocument> = LazyLock::new(|| {
    NetworkDocument::from_json(include_bytes!("../../docs/examples/minimal-network.json"))
        .expect("the minimal example loads")
});

fuzz_target!(|data: &[u8]| {
    let (name, bytes) = match data.iter().position(|&b| b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let name = String::from_utf8_lossy(name)
        .trim_end_matches('\r')
        .to_owned();
    let into = match mcn::csv::table_for_file(&name) {
        Some(table) if table.name == "network" => None,
        _ => Some(&*MINIMAL),
    };
    match mcn::csv::import(&[(name, bytes.to_vec())], into) {
        Ok(imported) => {
            let network = Network::borrowed(&imported.document);
            let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a valid date");
            let findings = mcn::validate(&network, as_of);
            let _ = mcn::evaluate(&network, &findings, as_of, &EvaluationSettings::default());
        }
        Err(error) => assert!(!error.to_string().is_empty(), "an empty import error"),
    }
});
