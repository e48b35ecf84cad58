//! A deterministic generator of large, realistic Flow JSON (no randomness: the same size
//! always gives the same bytes), so benchmarks need nothing large committed.

use std::fmt::Write;

/// A pretty-printed (2-space indent) 7.3 flow of at least `target` bytes: screens with
/// forms, text inputs, dropdowns with data sources, dynamic references and navigation.
///
/// Meta allows 100 screens, so a large flow has big screens: several Dropdowns of 150
/// options each, as many as it takes to stay within 99 screens.
pub fn flow(target: usize) -> String {
    let mut screens = Vec::new();
    let mut size = 0;
    let mut i = 0;
    let dropdowns = target / (90 * DROPDOWN_BYTES) + 1;
    while size < target {
        let s = screen(i, dropdowns);
        size += s.len() + 2;
        screens.push(s);
        i += 1;
    }
    // The last screen navigates to this terminal one.
    screens.push(format!(
        r#"    {{
      "id": "SCREEN_{}",
      "title": "Done",
      "terminal": true,
      "data": {{
        "city_{n}": {{ "type": "string", "__example__": "Bern" }},
        "options_{n}": {{ "type": "array", "items": {{ "type": "object", "properties": {{ "id": {{ "type": "string" }} }} }}, "__example__": [] }}
      }},
      "layout": {{ "type": "SingleColumnLayout", "children": [
        {{ "type": "TextBody", "text": "Thanks" }},
        {{ "type": "Footer", "label": "Finish", "on-click-action": {{ "name": "complete", "payload": {{}} }} }}
      ] }}
    }}"#,
        letters(i),
        n = i
    ));
    let n = screens.len();
    let mut out = String::with_capacity(size + 512);
    out.push_str("{\n  \"version\": \"7.3\",\n  \"screens\": [\n");
    for (k, s) in screens.iter().enumerate() {
        out.push_str(s);
        out.push_str(if k + 1 < n { ",\n" } else { "\n" });
    }
    out.push_str("  ]\n}\n");
    out
}

/// Screen ids are letters and underscores only: 0 -> A, 25 -> Z, 26 -> BA...
fn letters(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        i /= 26;
        if i == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// About what one 150-option Dropdown takes.
const DROPDOWN_BYTES: usize = 20_000;
const OPTIONS: usize = 150;

fn screen(i: usize, dropdowns: usize) -> String {
    let mut s = String::new();
    let id = letters(i);
    let next = format!("SCREEN_{}", letters(i + 1));
    let j = i + 1;
    let _ = write!(
        s,
        r#"    {{
      "id": "SCREEN_{id}",
      "title": "Step {i}: tell us about yourself",
      "data": {{
        "city_{i}": {{ "type": "string", "__example__": "Zürich" }},
        "options_{i}": {{
          "type": "array",
          "items": {{ "type": "object", "properties": {{ "id": {{ "type": "string" }}, "title": {{ "type": "string" }} }} }},
          "__example__": [{{ "id": "a", "title": "A" }}]
        }}
      }},
      "layout": {{
        "type": "SingleColumnLayout",
        "children": [
          {{
            "type": "Form",
            "name": "form_{i}",
            "children": [
              {{ "type": "TextHeading", "text": "`'Welcome to step {i} — ' ${{data.city_{i}}}`" }},
              {{ "type": "TextInput", "name": "name_{i}", "label": "Your name", "input-type": "text", "required": true, "min-chars": 1, "max-chars": 80, "helper-text": "As written on your ID \u00e9" }},
              {{ "type": "TextInput", "name": "email_{i}", "label": "Email", "input-type": "email", "required": false }},
"#
    );
    for d in 0..dropdowns {
        dropdown(&mut s, i, d);
    }
    let _ = write!(
        s,
        r#"              {{
                "type": "Footer",
                "label": "Continue",
                "on-click-action": {{
                  "name": "navigate",
                  "next": {{ "type": "screen", "name": "{next}" }},
                  "payload": {{ "city_{j}": "${{form.name_{i}}}", "options_{j}": "${{data.options_{i}}}" }}
                }}
              }}
            ]
          }}
        ]
      }}
    }}"#
    );
    s
}

fn dropdown(s: &mut String, i: usize, d: usize) {
    let _ = write!(
        s,
        r#"              {{
                "type": "Dropdown",
                "name": "choice_{i}_{d}",
                "label": "Pick one",
                "required": true,
                "data-source": ["#
    );
    for k in 0..OPTIONS {
        let _ = write!(
            s,
            "\n                  {{ \"id\": \"opt_{k}\", \"title\": \"Option {k} of step {i}\", \"description\": \"A longer description for option {k}\", \"enabled\": true }}{}",
            if k + 1 < OPTIONS { "," } else { "" }
        );
    }
    s.push_str("\n                ]\n              },\n");
}

/// A flow with at least `n` findings: the generated 1 MB flow, then `n` TextBody
/// components each with a property that does not exist (a distinct key each, so Meta's
/// merging by message keeps them apart), spread over screens of 90.
pub fn with_findings(n: usize) -> String {
    let mut out = String::from("{\n  \"version\": \"7.3\",\n  \"screens\": [\n");
    let per_screen = 90;
    let screens = n.div_ceil(per_screen);
    for s in 0..screens {
        let _ = writeln!(
            out,
            "    {{ \"id\": \"BAD_{}\", \"title\": \"T\", \"terminal\": true, \"layout\": {{ \"type\": \"SingleColumnLayout\", \"children\": [",
            letters(s)
        );
        for k in 0..per_screen {
            let i = s * per_screen + k;
            let _ = writeln!(out, "      {{ \"type\": \"TextBody\", \"text\": \"Line {i}\", \"colour_{i}\": \"red\" }},");
        }
        out.push_str("      { \"type\": \"Footer\", \"label\": \"Done\", \"on-click-action\": { \"name\": \"complete\", \"payload\": {} } }\n    ] } }");
        out.push_str(if s + 1 < screens { ",\n" } else { "\n" });
    }
    out.push_str("  ]\n}\n");
    out
}
