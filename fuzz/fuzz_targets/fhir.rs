//! Any bytes as a FHIR resource (an Organization or a Bundle of them):
//! `mcn::fhir::import_organisations`, then, when it succeeds, the
//! organisations merged into the minimal example network and the result
//! validated. Import may refuse the input, but only with a clean error (a
//! non-empty message with no raw control characters, as for its warnings);
//! nothing may panic.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mcn::{NaiveDate, Network, NetworkDocument};

static MINIMAL: LazyLock<NetworkDocument> = LazyLock::new(|| {
    NetworkDocument::from_json(include_bytes!("../../docs/examples/minimal-network.json"))
        .expect("the minimal example loads")
});

fn clean(message: &str, what: &str) {
    assert!(!message.is_empty(), "an empty {what}");
    assert!(
        !message.chars().any(char::is_control),
        "a raw control character in an {what}: {message:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    match mcn::fhir::import_organisations(data) {
        Ok(import) => {
            for warning in &import.warnings {
                clean(&warning.to_string(), "import warning");
            }
            let mut document = MINIMAL.clone();
            document.merge_organisations(import.organisations);
            let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a valid date");
            let _ = Network::borrowed(&document).validate(as_of);
        }
        Err(error) => clean(&error.to_string(), "import error"),
    }
});
