//! Parity of the structure check with the generated JSON Schema: a general validator
//! (jsonschema on serde_json, as an editor would run the schema) and waflow's own walk
//! must find the same faults at the same paths.

use std::cell::RefCell;
use std::collections::HashMap;

use jsonschema::error::ValidationErrorKind;
use jsonschema::paths::LocationSegment;
use serde_json::Value;
use waflow::internals::syntax::Path;
use waflow::FlowVersion;

thread_local! {
    static VALIDATORS: RefCell<HashMap<FlowVersion, std::rc::Rc<jsonschema::Validator>>> =
        RefCell::new(HashMap::new());
}

fn validator(v: FlowVersion) -> std::rc::Rc<jsonschema::Validator> {
    VALIDATORS.with(|cache| {
        cache
            .borrow_mut()
            .entry(v)
            .or_insert_with(|| {
                std::rc::Rc::new(
                    jsonschema::options()
                        .with_draft(jsonschema::Draft::Draft7)
                        .should_validate_formats(true)
                        .build(&waflow::schema_for(v))
                        .expect("the generated schema compiles"),
                )
            })
            .clone()
    })
}

/// The faults the generated schema finds in `text`, as (Meta path, keyword), sorted; `None`
/// when the document is out of the structure check's reach (not JSON, no schema version,
/// duplicate keys, which serde_json drops and waflow reports).
pub fn by_schema(text: &str) -> Option<Vec<(String, String)>> {
    let value: Value = serde_json::from_str(text).ok()?;
    let v = FlowVersion::parse(value.get("version")?.as_str()?)?;
    if !waflow::schema_versions().any(|s| s == v) {
        return None;
    }
    let report = waflow::validate(text);
    if report
        .errors()
        .iter()
        .any(|f| f.rule == Some("duplicate-key"))
    {
        return None;
    }
    let validator = validator(v);
    let mut out = Vec::new();
    for e in validator.iter_errors(&value) {
        let mut path = Path::root();
        let mut here = &value;
        for seg in e.instance_path().segments() {
            let name = match seg {
                LocationSegment::Property(p) => p.to_string(),
                LocationSegment::Index(i) => i.to_string(),
            };
            match here {
                Value::Array(items) => {
                    let i: usize = name.parse().ok()?;
                    path.push_index(i);
                    here = items.get(i)?;
                }
                _ => {
                    path.push_key(&name);
                    here = here.get(&name)?;
                }
            }
        }
        match e.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                for key in unexpected {
                    out.push((path.key(key).to_string(), "additionalProperties".to_owned()));
                }
            }
            ValidationErrorKind::Required { .. }
                if e.schema_path().as_str().contains("/dependencies") =>
            {
                out.push((path.to_string(), "dependencies".to_owned()));
            }
            kind => out.push((path.to_string(), kind.keyword().to_owned())),
        }
    }
    out.sort();
    Some(out)
}

/// The faults waflow's structure check finds, in the same form.
pub fn by_waflow(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = waflow::internals::structure_faults(text)
        .unwrap_or_default()
        .into_iter()
        .map(|(p, k)| (p, k.to_owned()))
        .collect();
    out.sort();
    out
}
