//! edited
