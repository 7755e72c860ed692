//! Reading and writing single cells: the spreadsheet spelling of each
//! [`Kind`] of value, to and from its JSON form.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde_json::{Map, Number, Value};

use crate::layout::Kind;

/// A cell that could not be read: what was expected (what was found is the
/// cell itself).
pub(crate) type Expected = String;

/// Reads a non-empty, trimmed cell as the JSON value of `kind`. Identifier
/// kinds give the array of `{system, value}` objects they contribute.
pub(crate) fn read(kind: Kind, cell: &str) -> Result<Value, Expected> {
    Ok(match kind {
        Kind::Text => Value::String(cell.to_owned()),
        Kind::Date => Value::String(read_date(cell)?.to_string()),
        Kind::Bool => Value::Bool(read_bool(cell)?),
        Kind::Integer => Value::Number(
            cell.parse::<i64>()
                .map_err(|_| "a whole number, e.g. 12".to_owned())?
                .into(),
        ),
        Kind::Decimal => Value::Number(read_decimal(cell)?),
        Kind::Money => Value::Number(read_money(cell)?.into()),
        Kind::Id => Value::String(read_id(cell)?.0.to_string()),
        Kind::Enum => Value::String(read_enum(cell)),
        Kind::List => Value::Array(split(cell, ';').map(list_item).collect()),
        Kind::RoleGroups => Value::Array(
            split(cell, ';')
                .map(|group| {
                    let mut object = Map::new();
                    object.insert(
                        "any_of".to_owned(),
                        Value::Array(split(group, '|').map(|r| Value::String(read_enum(r))).collect()),
                    );
                    Value::Object(object)
                })
                .collect(),
        ),
        Kind::Identifiers => Value::Array(
            split(cell, ';')
                .map(|pair| {
                    pair.split_once(char::is_whitespace)
                        .map(|(system, value)| identifier(system, value.trim()))
                        .ok_or_else(|| {
                            "identifiers as `SYSTEM VALUE` pairs separated by `;`, e.g. `ods RCB; charity_england_wales 1234567`".to_owned()
                        })
                })
                .collect::<Result<_, _>>()?,
        ),
    })
}

/// An id cell: the UUID, and whether the cell is already its JSON spelling
/// (the hyphenated lower-case form, the only one of 36 characters).
pub(crate) fn read_id(cell: &str) -> Result<(uuid::Uuid, bool), Expected> {
    let id = uuid::Uuid::try_parse(cell)
        .map_err(|_| "an id (a UUID such as 0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f)".to_owned())?;
    Ok((
        id,
        cell.len() == 36 && !cell.bytes().any(|b| b.is_ascii_uppercase()),
    ))
}

/// Like [`read`], but `Ok(None)` when the JSON value is the string `cell`
/// itself (text, and ids, dates and vocabulary already in their JSON
/// spelling), so the cell's own text can be used without a copy.
pub(crate) fn read_in_place(kind: Kind, cell: &str) -> Result<Option<Value>, Expected> {
    let itself = match kind {
        Kind::Text => true,
        Kind::Id => read_id(cell)?.1,
        // The strict ISO parser accepts each date in its one spelling only.
        Kind::Date => !cell.contains('/') && mcn_core::date::parse(cell).is_ok(),
        Kind::Enum => !cell
            .chars()
            .any(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '-' | '\'' | '\u{2019}')),
        _ => false,
    };
    if itself {
        Ok(None)
    } else {
        read(kind, cell).map(Some)
    }
}

/// Writes the JSON value of `kind` as a cell; `None` if the value does not
/// have the shape the kind expects.
pub(crate) fn write(kind: Kind, value: &Value, out: &mut String) -> Option<()> {
    match (kind, value) {
        (Kind::Text | Kind::Date | Kind::Id | Kind::Enum, Value::String(s)) => out.push_str(s),
        (Kind::Bool, Value::Bool(b)) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
        (Kind::Integer, Value::Number(n)) if n.is_i64() || n.is_u64() => {
            let _ = write!(out, "{n}");
        }
        (Kind::Decimal, Value::Number(n)) => {
            let _ = write!(out, "{n}");
        }
        (Kind::Money, Value::Number(n)) => {
            let pence = n.as_u64()?;
            let _ = write!(out, "{}.{:02}", pence / 100, pence % 100);
        }
        (Kind::List, Value::Array(items)) => {
            join(out, items, "; ", |out, item| {
                out.push_str(item.as_str()?);
                Some(())
            })?;
        }
        (Kind::RoleGroups, Value::Array(groups)) => {
            join(out, groups, "; ", |out, group| {
                let object = group.as_object()?;
                if object.len() != 1 {
                    return None;
                }
                let roles = object.get("any_of")?.as_array()?;
                join(out, roles, " | ", |out, role| {
                    out.push_str(role.as_str()?);
                    Some(())
                })
            })?;
        }
        (Kind::Identifiers, Value::Array(identifiers)) => {
            join(out, identifiers, "; ", |out, identifier| {
                let _ = write!(
                    out,
                    "{} {}",
                    identifier.get("system")?.as_str()?,
                    identifier.get("value")?.as_str()?
                );
                Some(())
            })?;
        }
        _ => return None,
    }
    Some(())
}

fn join(
    out: &mut String,
    items: &[Value],
    separator: &str,
    mut each: impl FnMut(&mut String, &Value) -> Option<()>,
) -> Option<()> {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        each(out, item)?;
    }
    Some(())
}

fn split(cell: &str, separator: char) -> impl Iterator<Item = &str> {
    cell.split(separator)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A list item: an id stays as written, a vocabulary value is normalised.
fn list_item(item: &str) -> Value {
    if uuid::Uuid::try_parse(item).is_ok() {
        Value::String(item.to_ascii_lowercase())
    } else {
        Value::String(read_enum(item))
    }
}

fn identifier(system: &str, value: &str) -> Value {
    let mut object = Map::new();
    object.insert("system".to_owned(), Value::String(system.to_owned()));
    object.insert("value".to_owned(), Value::String(value.to_owned()));
    Value::Object(object)
}

/// `In Progress` → `in_progress`, `Children's hospice` → `childrens_hospice`.
fn read_enum(cell: &str) -> String {
    cell.trim()
        .chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}'))
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// ISO `2026-03-01` or UK `01/03/2026` (day first, four-digit year).
pub(crate) fn read_date(cell: &str) -> Result<NaiveDate, Expected> {
    let expected = || "a date as 2026-03-01 or 01/03/2026 (day first)".to_owned();
    if cell.contains('/') {
        let mut parts = cell.split('/');
        let (Some(day), Some(month), Some(year), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(expected());
        };
        let digits = |s: &str, min: usize, max: usize| {
            (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !(digits(day, 1, 2) && digits(month, 1, 2) && digits(year, 4, 4)) {
            return Err(expected());
        }
        let number = |s: &str| s.parse::<u32>().map_err(|_| expected());
        let year = i32::try_from(number(year)?).map_err(|_| expected())?;
        NaiveDate::from_ymd_opt(year, number(month)?, number(day)?).ok_or_else(expected)
    } else {
        // ISO exactly as the document spells dates (one parser for both).
        mcn_core::date::parse(cell).map_err(|_| expected())
    }
}

fn read_bool(cell: &str) -> Result<bool, Expected> {
    match cell.to_ascii_lowercase().as_str() {
        "true" | "yes" => Ok(true),
        "false" | "no" => Ok(false),
        _ => Err("TRUE or FALSE (or yes or no)".to_owned()),
    }
}

fn read_decimal(cell: &str) -> Result<Number, Expected> {
    let expected = || "a decimal number, e.g. 0.8".to_owned();
    let plain = cell
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
    if !plain {
        return Err(expected());
    }
    let value: f64 = cell.parse().map_err(|_| expected())?;
    Number::from_f64(value).ok_or_else(expected)
}

/// Pounds with up to two decimal places, optionally with `£` and thousands
/// commas, as pence.
fn read_money(cell: &str) -> Result<u64, Expected> {
    let expected = || "an amount in pounds, e.g. 1480.50".to_owned();
    let digits: String = cell
        .strip_prefix('£')
        .unwrap_or(cell)
        .chars()
        .filter(|c| *c != ',')
        .collect();
    let (pounds, pence) = digits.split_once('.').unwrap_or((&digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if pounds.is_empty() || !all_digits(pounds) || !all_digits(pence) || pence.len() > 2 {
        return Err(expected());
    }
    let pounds: u64 = pounds.parse().map_err(|_| expected())?;
    let pence: u64 = match pence.len() {
        0 => 0,
        1 => pence.parse::<u64>().map_err(|_| expected())? * 10,
        _ => pence.parse().map_err(|_| expected())?,
    };
    pounds
        .checked_mul(100)
        .and_then(|p| p.checked_add(pence))
        .ok_or_else(expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_or_uk_day_first_and_nothing_else() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(read_date("2026-03-01"), Ok(d));
        assert_eq!(read_date("01/03/2026"), Ok(d));
        assert_eq!(read_date("1/3/2026"), Ok(d));
        for bad in [
            "2026-3-1",
            "01/03/26",
            "03-01-2026",
            "2026/03/01",
            "31/02/2026",
            "1 March 2026",
            "01/03/2026/1",
        ] {
            assert!(read_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn money_reads_pounds_and_writes_pence_as_pounds() {
        assert_eq!(read_money("1480.5"), Ok(148_050));
        assert_eq!(read_money("£1,480.50"), Ok(148_050));
        assert_eq!(read_money("12"), Ok(1200));
        for bad in ["12.345", "-1", "twelve", "", "."] {
            assert!(read_money(bad).is_err(), "{bad}");
        }
        let mut out = String::new();
        write(Kind::Money, &Value::from(148_005_u64), &mut out).unwrap();
        assert_eq!(out, "1480.05");
    }

    #[test]
    fn cells_already_in_their_json_spelling_are_used_in_place() {
        for (kind, cell) in [
            (Kind::Text, "Ada Lovelace"),
            (Kind::Id, "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f"),
            (Kind::Date, "2026-03-01"),
            (Kind::Enum, "in_progress"),
        ] {
            assert_eq!(read_in_place(kind, cell), Ok(None), "{cell}");
            assert_eq!(read(kind, cell), Ok(Value::String(cell.to_owned())));
        }
        for (kind, cell) in [
            (Kind::Id, "0190F6A4-5B2E-7C3D-9E8F-1A2B3C4D5E6F"),
            (Kind::Id, "0190f6a45b2e7c3d9e8f1a2b3c4d5e6f"),
            (Kind::Date, "01/03/2026"),
            (Kind::Enum, "In progress"),
            (Kind::Enum, "children's-hospice"),
            (Kind::Integer, "12"),
        ] {
            assert_eq!(
                read_in_place(kind, cell),
                read(kind, cell).map(Some),
                "{cell}"
            );
        }
        assert!(read_in_place(Kind::Id, "not-an-id").is_err());
        assert!(read_in_place(Kind::Date, "2026-02-31").is_err());
    }

    #[test]
    fn booleans_and_vocabulary_are_forgiving_about_case() {
        assert_eq!(read_bool("Yes"), Ok(true));
        assert_eq!(read_bool("FALSE"), Ok(false));
        assert!(read_bool("1").is_err());
        assert_eq!(read_enum("In Progress"), "in_progress");
        assert_eq!(read_enum("Children's hospice"), "childrens_hospice");
    }
}
