//! Findings and reports drawn by miette's own handlers (feature `miette`): the code, the
//! message, the help, the rule's documentation, each label on its place in the text, and
//! a report's findings as related diagnostics drawn with the report's text.

#![cfg(feature = "miette")]

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource,
    NarratableReportHandler,
};
use waflow::{FlowSource, ReportDiagnostic};

/// A flow Meta would refuse: a data reference inside a backtick expression names no
/// data (the finer place is the field name inside the string), and a heading WhatsApp
/// would cut (a warning).
const FLOW: &str = r#"{
  "version": "7.3",
  "screens": [
    {
      "id": "WELCOME",
      "title": "${data.name}",
      "terminal": true,
      "data": {
        "name": { "type": "string", "__example__": "Ada" }
      },
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          {
            "type": "TextHeading",
            "text": "Welcome to the booking assistant of the Grand Hotel, where every guest is a friend"
          },
          {
            "type": "TextBody",
            "text": "`'Hello ' ${data.nmae}`"
          },
          {
            "type": "Footer",
            "label": "Done",
            "on-click-action": { "name": "complete", "payload": {} }
          }
        ]
      }
    }
  ]
}
"#;

const DOCS: &str = "https://github.com/waflow/waflow/blob/main/docs/rules.md#";

/// miette's graphical handler, without colors or hyperlinks (the URL as text), 100
/// columns wide.
fn graphical(diagnostic: &dyn Diagnostic) -> String {
    let mut out = String::new();
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .with_links(false)
        .render_report(&mut out, diagnostic)
        .expect("rendered");
    out
}

fn narrated(diagnostic: &dyn Diagnostic) -> String {
    let mut out = String::new();
    NarratableReportHandler::new()
        .render_report(&mut out, diagnostic)
        .expect("rendered");
    out
}

/// The 1-based line `n` of `text`.
fn line(text: &str, n: usize) -> &str {
    text.lines().nth(n - 1).expect("a line")
}

/// The drawn source line `n` (` 20 │ ...`) of a graphical frame and the line under it,
/// with the gutter cut off: the text and its marks in the same columns.
fn frame_line(out: &str, n: usize) -> (String, String) {
    let prefix = format!(" {n} │ ");
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no line {n} drawn in:\n{out}"));
    let gutter = prefix.chars().count();
    let cut = |l: &str| l.chars().skip(gutter).collect::<String>();
    (cut(lines[at]), cut(lines[at + 1]))
}

/// The character columns (0-based) a frame's underline covers under a source line.
fn underlined(marks: &str) -> std::ops::Range<usize> {
    let chars: Vec<char> = marks.chars().collect();
    let start = chars
        .iter()
        .position(|&c| c == '─' || c == '┬')
        .expect("an underline");
    let end = chars[start..]
        .iter()
        .position(|&c| c != '─' && c != '┬')
        .map_or(chars.len(), |n| start + n);
    start..end
}

#[test]
fn a_finding_with_its_text_shows_code_message_help_docs_and_the_finer_place() {
    let report = waflow::validate(FLOW);
    let finding = report.errors()[0].clone();
    assert_eq!(finding.rule, Some("unresolved-expression-reference"));
    let focus = finding.pointers[0].focus.expect("a finer place");
    let shown = miette::Report::new(finding.clone()).with_source_code(FLOW.to_owned());
    let out = graphical(shown.as_ref());

    assert!(
        out.contains(&format!(
            "INVALID_PROPERTY_VALUE/unresolved-expression-reference ({DOCS}unresolved-expression-reference)"
        )),
        "{out}"
    );
    assert!(
        out.contains(
            "× ${data.nmae}: Data field 'nmae' is not declared in the data of screen WELCOME"
        ),
        "{out}"
    );
    assert!(out.contains("help: Did you mean 'name'?"), "{out}");
    // The frame's header gives the finer place as waflow counts it (ASCII: columns agree;
    // a bare String source has no name).
    assert!(
        out.contains(&format!("╭─[{}:{}]", focus.line_start, focus.column_start)),
        "{out}"
    );
    // The drawn line is the flow's line 20, and the underline sits under `nmae`.
    let (source, marks) = frame_line(&out, 20);
    assert_eq!(source, line(FLOW, 20));
    let under = underlined(&marks);
    let text: String = source.chars().skip(under.start).take(under.len()).collect();
    assert_eq!(text, "nmae", "{out}");
    assert!(
        out.contains("╰── screens[0].layout.children[1].text"),
        "{out}"
    );
    assert_eq!(
        (focus.span.start as usize, focus.span.end as usize),
        (FLOW.find("nmae").unwrap(), FLOW.find("nmae").unwrap() + 4)
    );
}

#[test]
fn the_diagnostic_fields_of_a_finding() {
    let report = waflow::validate(FLOW);
    let warning = &report.warnings()[0];
    assert_eq!(warning.to_string(), warning.message);
    assert_eq!(
        warning.code().map(|c| c.to_string()).as_deref(),
        Some("WAFLOW_DISPLAY_LIMIT/text-over-display-limit")
    );
    assert_eq!(warning.severity(), Some(miette::Severity::Warning));
    assert_eq!(
        warning.url().map(|u| u.to_string()),
        Some(format!("{DOCS}text-over-display-limit"))
    );
    assert_eq!(
        warning.url().map(|u| u.to_string()),
        warning.doc_url(),
        "one spelling of the address"
    );
    let labels: Vec<LabeledSpan> = warning.labels().expect("labels").collect();
    let heading = FLOW.find("\"Welcome to the booking").unwrap();
    assert_eq!(labels.len(), 1);
    assert!(labels[0].primary());
    assert_eq!(labels[0].offset(), heading);
    assert_eq!(
        &FLOW[heading..heading + labels[0].len()],
        "\"Welcome to the booking assistant of the Grand Hotel, where every guest is a friend\""
    );
    assert_eq!(
        labels[0].label(),
        Some("screens[0].layout.children[0].text")
    );
    let error = &report.errors()[0];
    assert_eq!(error.severity(), Some(miette::Severity::Error));
    assert_eq!(
        error.help().map(|h| h.to_string()).as_deref(),
        Some("Did you mean 'name'?")
    );
}

#[test]
fn a_report_shows_every_finding_with_the_reports_text() {
    let diagnostic = waflow::validate(FLOW).to_diagnostic("flow.json", FLOW);
    assert_eq!(diagnostic.to_string(), "flow.json: 1 error and 1 warning");
    assert_eq!(diagnostic.severity(), Some(miette::Severity::Error));
    let related: Vec<String> = diagnostic
        .related()
        .expect("related")
        .map(|d| d.code().expect("a code").to_string())
        .collect();
    // Top to bottom: the heading (line 16) before the reference (line 20).
    assert_eq!(
        related,
        [
            "WAFLOW_DISPLAY_LIMIT/text-over-display-limit",
            "INVALID_PROPERTY_VALUE/unresolved-expression-reference"
        ]
    );

    let out = graphical(&diagnostic);
    assert!(
        out.starts_with("  × flow.json: 1 error and 1 warning\n"),
        "{out}"
    );
    let warning = out
        .find("Warning: WAFLOW_DISPLAY_LIMIT/text-over-display-limit")
        .expect("the warning");
    let error = out
        .find("Error: INVALID_PROPERTY_VALUE/unresolved-expression-reference")
        .expect("the error");
    assert!(warning < error, "{out}");
    assert!(
        out.contains(&format!("({DOCS}text-over-display-limit)")),
        "{out}"
    );
    // Each finding's frame is drawn from the report's text, under its name.
    assert!(out.contains("╭─[flow.json:16:21]"), "{out}");
    assert!(out.contains("╭─[flow.json:20:39]"), "{out}");
    let (source, marks) = frame_line(&out, 16);
    assert_eq!(source, line(FLOW, 16));
    let under = underlined(&marks);
    let text: String = source.chars().skip(under.start).take(under.len()).collect();
    assert!(
        text.starts_with("\"Welcome") && text.ends_with("friend\""),
        "{out}"
    );
    let (source, marks) = frame_line(&out, 20);
    let under = underlined(&marks);
    let text: String = source.chars().skip(under.start).take(under.len()).collect();
    assert_eq!(text, "nmae", "{out}");
    assert!(out.contains("help: Did you mean 'name'?"), "{out}");

    // The narrated labels give waflow's places: Meta's token for the heading, the finer
    // place for the reference (ASCII: miette's columns are waflow's).
    let report = diagnostic.report();
    let (heading, reference) = (&report.warnings()[0], &report.errors()[0]);
    let (l, c, _, e) = heading.pointers[0].shown();
    let heading =
        format!("label at line {l}, columns {c} to {e}: screens[0].layout.children[0].text");
    let (l, c, _, e) = reference.pointers[0].shown();
    assert_eq!((l, c, e), (20, 39, 42));
    let reference =
        format!("label at line {l}, columns {c} to {e}: screens[0].layout.children[1].text");
    let told = narrated(&diagnostic);
    assert!(
        told.starts_with("flow.json: 1 error and 1 warning\n"),
        "{told}"
    );
    for expected in [
        "Warning: Property 'text' of a TextHeading has 82 characters; WhatsApp shows at most 80.",
        "Error: ${data.nmae}: Data field 'nmae' is not declared in the data of screen WELCOME",
        "Begin snippet for flow.json starting at line 15, column 1",
        "Begin snippet for flow.json starting at line 19, column 1",
        &format!("snippet line 16: {}", line(FLOW, 16)),
        &format!("snippet line 20: {}", line(FLOW, 20)),
        &heading,
        &reference,
        "diagnostic code: INVALID_PROPERTY_VALUE/unresolved-expression-reference",
        "diagnostic help: Did you mean 'name'?",
        &format!("For more details, see:\n{DOCS}unresolved-expression-reference"),
    ] {
        assert!(told.contains(expected), "{expected:?} in:\n{told}");
    }
}

#[test]
fn a_clean_report_says_so() {
    let text = line_replaced(FLOW, 20, r#"            "text": "Hello""#);
    let text = line_replaced(&text, 16, r#"            "text": "Welcome""#);
    let diagnostic = waflow::validate(&text).to_diagnostic("ok.json", text.clone());
    assert_eq!(diagnostic.to_string(), "ok.json: no errors or warnings");
    assert_eq!(diagnostic.severity(), Some(miette::Severity::Advice));
    assert_eq!(diagnostic.related().expect("related").count(), 0);
}

fn line_replaced(text: &str, n: usize, with: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, l)| if i + 1 == n { with } else { l })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One finding at two places: a label on each, the first primary, each object marked by
/// its opening brace with its lines (not every line of it drawn).
#[test]
fn a_finding_at_several_places_has_a_label_at_each() {
    let text = r#"{
  "version": "7.3",
  "screens": [
    {
      "id": "WELCOME",
      "title": "Welcome",
      "terminal": true,
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          {
            "type": "TextInput",
            "label": "First name"
          },
          {"type": "TextBody", "text": "between"},
          {"type": "TextBody", "text": "the"},
          {"type": "TextBody", "text": "two"},
          {"type": "TextInput", "label": "Last name"}
        ]
      }
    }
  ]
}
"#;
    let report = waflow::validate(text);
    let finding = &report.errors()[0];
    assert_eq!(finding.rule, Some("missing-property"));
    assert_eq!(finding.pointers.len(), 2);
    let labels: Vec<LabeledSpan> = finding.labels().expect("labels").collect();
    assert_eq!(
        labels.iter().map(LabeledSpan::primary).collect::<Vec<_>>(),
        [true, false]
    );
    let first = text.find("{\n            \"type\": \"TextInput\"").unwrap();
    assert_eq!((labels[0].offset(), labels[0].len()), (first, 1));
    assert_eq!(
        labels[0].label(),
        Some("screens[0].layout.children[0], lines 11-14")
    );
    let second = text.find("{\"type\": \"TextInput\"").unwrap();
    assert_eq!(labels[1].offset(), second);
    assert_eq!(
        &text[second..second + labels[1].len()],
        r#"{"type": "TextInput", "label": "Last name"}"#
    );
    assert_eq!(labels[1].label(), Some("screens[0].layout.children[4]"));

    let out = graphical(&report.to_diagnostic("flow.json", text));
    assert!(
        out.contains("╰── screens[0].layout.children[0], lines 11-14"),
        "{out}"
    );
    assert!(out.contains("╰── screens[0].layout.children[4]"), "{out}");
    // The object over lines 11-14 is marked at its brace: its line 13 is not drawn, nor
    // are the lines between the two places (two frames).
    assert!(!out.contains(" 13 │"), "{out}");
    assert!(!out.contains(" 16 │"), "{out}");
    assert_eq!(out.matches("╭─[flow.json:").count(), 2, "{out}");
}

/// `FlowSource` reads what miette's own `NamedSource<String>` reads: a finding drawn with
/// either is drawn alike.
#[test]
fn flow_source_draws_as_named_source_does() {
    let report = waflow::validate(FLOW);
    for finding in report.in_order() {
        let named = miette::Report::new(finding.clone())
            .with_source_code(NamedSource::new("flow.json", FLOW.to_owned()));
        let ours = miette::Report::new(finding.clone())
            .with_source_code(FlowSource::new("flow.json", FLOW));
        let (named, ours) = (graphical(named.as_ref()), graphical(ours.as_ref()));
        assert!(ours.contains("╭─[flow.json:"), "{ours}");
        assert_eq!(ours, named);
    }
}

/// A finding from a server names no rule: Meta's code alone, no documentation, and no
/// label until the uploaded text's spans are attached.
#[test]
fn a_server_finding() {
    let text = "{\n  \"version\": \"7.3\",\n  \"screens\": []\n}\n";
    let answer = r#"{"error":"INVALID_PROPERTY_VALUE","errorType":"FLOW_JSON_ERROR",
        "message":"Invalid value found for property 'screens'.","lineStart":3,"lineEnd":3,
        "columnStart":14,"columnEnd":15,"pointers":[{"lineStart":3,"lineEnd":3,
        "columnStart":14,"columnEnd":15,"path":"screens"}]}"#;
    let mut findings = vec![serde_json::from_str::<waflow::Finding>(answer).expect("read")];
    let finding = &findings[0];
    assert_eq!(
        finding.code().map(|c| c.to_string()).as_deref(),
        Some("INVALID_PROPERTY_VALUE")
    );
    assert!(finding.url().is_none());
    assert!(finding.labels().is_none());
    waflow::attach_spans(text, &mut findings);
    let report = waflow::Report::from_findings(findings);
    let out = graphical(&ReportDiagnostic::new(report, "flow.json", text));
    assert!(out.contains("Error: INVALID_PROPERTY_VALUE\n"), "{out}");
    let (source, marks) = frame_line(&out, 3);
    let under = underlined(&marks);
    let text: String = source.chars().skip(under.start).take(under.len()).collect();
    assert_eq!(text, "[]", "{out}");
}

/// Invalid UTF-8: drawn from a lossy copy, the label is a point at the first bad byte.
#[test]
fn invalid_utf8_points_at_the_first_bad_byte() {
    let bytes = b"{\"version\": \"7.3\", \"screens\": [{\"id\": \"A\xff\xfe\"}]}";
    let report = waflow::validate_bytes(bytes);
    let at = bytes.iter().position(|&b| b == 0xff).unwrap();
    let labels: Vec<LabeledSpan> = report.errors()[0].labels().expect("labels").collect();
    assert_eq!((labels[0].offset(), labels[0].len()), (at, 0));
    assert_eq!(labels[0].label(), Some("the first byte that is not UTF-8"));
    let lossy = String::from_utf8_lossy(bytes).into_owned();
    let diagnostic = ReportDiagnostic::new(report, "bad.json", lossy);
    let out = graphical(&diagnostic);
    assert!(out.contains("Invalid UTF-8 at byte offset"), "{out}");
    assert!(out.contains(&format!("╭─[bad.json:1:{}]", at + 1)), "{out}");
    assert!(narrated(&diagnostic).contains(&format!("label at line 1, column {}", at + 1)));
}

/// A key that decodes to an ESC: the message quotes it, the diagnostic shows it as
/// `\x1b`, and nothing drawn holds a raw control character.
#[test]
fn control_characters_are_drawn_visibly() {
    let text = r#"{"version": "7.3", "screens": [{"id": "A", "title": "T", "terminal": true,
  "layout": {"type": "SingleColumnLayout", "children": [
    {"type": "TextBody", "text": "x", "a\u001b]0;owned\u0007": 1}]}}]}"#;
    let report = waflow::validate(text);
    let finding = &report.errors()[0];
    assert!(finding.message.contains('\u{1b}'), "{}", finding.message);
    assert!(finding.to_string().contains("a\\x1b]0;owned\\x07"));
    let out = graphical(&report.to_diagnostic("flow.json", text));
    assert!(out.contains("a\\x1b]0;owned\\x07"), "{out}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
}
