//! Any bytes as a network document: load, then validate, evaluate and render
//! in every format. Loading may fail, but only with a clean error (a
//! non-empty message with no raw control characters); nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mcn::{EvaluationSettings, Format, NaiveDate};

fuzz_target!(|data: &[u8]| {
    let network = match mcn::load(data) {
        Ok(network) => network,
        Err(error) => {
            let message = error.to_string();
            assert!(!message.is_empty(), "an empty load error");
            assert!(
                !message.chars().any(char::is_control),
                "a raw control character in a load error: {message:?}"
            );
            return;
        }
    };
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a valid date");
    let findings = mcn::validate(&network, as_of);
    let report = mcn::evaluate(&network, &findings, as_of, &EvaluationSettings::default());
    for format in [Format::Text, Format::Markdown, Format::Html, Format::Json] {
        mcn::render(&report, format).expect("a report renders");
    }
});
