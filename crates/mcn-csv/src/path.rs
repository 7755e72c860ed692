//! Taking values out of, and putting them into, an entity's JSON form by a
//! column's `/`-separated path.

use serde_json::{Map, Value};

fn keys(path: &str) -> impl Iterator<Item = &str> {
    path.split('/')
}

/// The value at a `/`-separated path, mutably.
pub(crate) fn get_mut<'a>(mut value: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    for key in keys(path) {
        value = value.as_object_mut()?.get_mut(key)?;
    }
    Some(value)
}

/// Removes and returns the value at a `/`-separated path.
pub(crate) fn remove(value: &mut Value, path: &str) -> Option<Value> {
    let (parent, last) = match path.rsplit_once('/') {
        Some((parent, last)) => (get_mut(value, parent)?, last),
        None => (value, path),
    };
    parent.as_object_mut()?.remove(last)
}

/// Puts `value` at a `/`-separated path, making objects on the way.
/// Anything already there is a conflict (two columns filling one value).
pub(crate) fn put(entity: &mut Value, path: &str, value: Value) -> Result<(), ()> {
    let mut here = entity;
    let mut keys = keys(path).peekable();
    while let Some(key) = keys.next() {
        let object = here.as_object_mut().ok_or(())?;
        if keys.peek().is_none() {
            if object.contains_key(key) {
                return Err(());
            }
            object.insert(key.to_owned(), value);
            return Ok(());
        }
        if !object.contains_key(key) {
            object.insert(key.to_owned(), Value::Object(Map::new()));
        }
        here = object.get_mut(key).ok_or(())?;
    }
    Err(())
}

/// The `/`-separated paths of what is left in `value` (for the error naming
/// a field no column covers).
pub(crate) fn leftovers(value: &Value, prefix: &str, out: &mut Vec<String>) {
    match value {
        Value::Null => {}
        Value::Object(object) => {
            for (key, value) in object {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}/{key}")
                };
                leftovers(value, &path, out);
            }
        }
        _ => out.push(prefix.to_owned()),
    }
}
