//! Fixes applied through the library: what `waflow check --fix` does to a file.

use waflow::fix::Applicability;
use waflow::fix_text;

const TYPO: &str = r#"{
  "version": "7.3",
  "screens": [
    {
      "id": "END",
      "title": "Thanks",
      "terminal": true,
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          {"type": "TextHeading", "txt": "Thanks"},
          {"type": "Footer", "lable": "Done", "on-click-action": {"name": "complete", "payload": {}}}
        ]
      }
    }
  ]
}
"#;

#[test]
fn a_sure_typo_in_a_key_is_fixed_safely_and_nothing_else_moves() {
    let report = waflow::validate(TYPO);
    let fixes: Vec<_> = report.errors().iter().flat_map(|f| &f.fixes).collect();
    assert!(
        fixes
            .iter()
            .any(|f| f.title == "Rename 'lable' to 'label'"
                && f.applicability == Applicability::Safe),
        "{fixes:#?}"
    );
    let fixed = fix_text(TYPO, &waflow::Options::default(), false);
    // Only the two keys change; every other byte (indentation, order, spacing) stays.
    let expected = TYPO
        .replace(r#""txt": "Thanks""#, r#""text": "Thanks""#)
        .replace(r#""lable": "Done""#, r#""label": "Done""#);
    assert_eq!(fixed.text, expected);
    assert_eq!(fixed.applied, 2);
    assert!(fixed.report.is_valid(), "{:?}", fixed.report.errors());
    // A second run has nothing to do.
    let again = fix_text(&fixed.text, &waflow::Options::default(), false);
    assert_eq!(
        (again.text.as_str(), again.applied),
        (fixed.text.as_str(), 0)
    );
}

#[test]
fn trailing_commas_and_comments_are_removed_round_by_round() {
    let text =
        "{\n  // the version\n  \"version\": \"7.3\", /* the screens */\n  \"screens\": [],\n}\n";
    let fixed = fix_text(text, &waflow::Options::default(), false);
    assert_eq!(
        fixed.text,
        "{\n  \"version\": \"7.3\",\n  \"screens\": []\n}\n"
    );
    assert_eq!(fixed.applied, 3);
    // Now JSON; what remains is what the flow itself lacks.
    assert!(fixed
        .report
        .errors()
        .iter()
        .all(|f| f.rule != Some("invalid-json")));
}
