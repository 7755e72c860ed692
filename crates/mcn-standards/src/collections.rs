//! Names of the document collections this crate owns, for JSON Pointer paths
//! (`/standards/2/measures/0`, `/audit_results/17/numerator`).

/// Care standards (top-level collection).
pub const STANDARDS: &str = "standards";
/// Measures, nested inside each standard: `/standards/{i}/measures/{j}`.
pub const MEASURES: &str = "measures";
/// Adoption records, one per organisation × standard (top-level collection).
pub const ADOPTIONS: &str = "adoptions";
/// Audit results, one per measure × organisation × reporting period (top-level collection).
pub const AUDIT_RESULTS: &str = "audit_results";
