//! Bad input over HTTP: each gets its problem response, nothing is written,
//! and the router goes on answering.
