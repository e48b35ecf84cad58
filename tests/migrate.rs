//! `waflow migrate`, run as users run it: in place, `--diff`, stdin, and the refusals.

mod support;
use support::{text, waflow};

/// A 2.1 endpoint flow: `data_channel_uri` (removed in 3.0, its URL holding a terminal
/// escape that must not reach the terminal raw), a DatePicker with millisecond
/// timestamps (dates from 5.0), a blank optional helper text (refused from 6.0), CRLF
/// line endings and tabs.
const FLOW: &str = "{\r\n\t\"version\": \"2.1\",\r\n\t\"data_api_version\": \"3.0\",\r\n\t\"routing_model\": {\"BOOK\": []},\r\n\t\"data_channel_uri\": \"https://example.com/\\u001b[31mflow\",\r\n\t\"screens\": [{\r\n\t\t\"id\": \"BOOK\", \"title\": \"Book\", \"terminal\": true,\r\n\t\t\"layout\": {\"type\": \"SingleColumnLayout\", \"children\": [{\"type\": \"Form\", \"name\": \"f\", \"children\": [\r\n\t\t\t{\"type\": \"DatePicker\", \"name\": \"day\", \"label\": \"Day\", \"min-date\": \"1693569600000\"},\r\n\t\t\t{\"type\": \"TextInput\", \"name\": \"who\", \"label\": \"Name\", \"helper-text\": \"\"},\r\n\t\t\t{\"type\": \"Footer\", \"label\": \"Book\", \"on-click-action\": {\"name\": \"data_exchange\", \"payload\": {\"day\": \"${form.day}\"}}}\r\n\t\t]}]}\r\n\t}]\r\n}\r\n";

fn migrated() -> String {
    FLOW.replace("\"2.1\"", "\"7.3\"")
        .replace(
            "\r\n\t\"data_channel_uri\": \"https://example.com/\\u001b[31mflow\",",
            "",
        )
        .replace("\"1693569600000\"", "\"2023-09-01\"")
        .replace(", \"helper-text\": \"\"", "")
}

#[test]
fn migrate_rewrites_the_file_and_says_what_it_changed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("flow.json"), FLOW).unwrap();
    let out = waflow(&["migrate", "flow.json"], dir.path(), None);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("flow.json")).unwrap(),
        migrated()
    );
    assert!(stdout.contains("flow.json: 2.1 -> 7.3"), "{stdout}");
    // Each change with its place, its rule and its source in the spec sheet.
    for line in [
        "2:13  changed  Set \"version\" to \"7.3\"",
        "5:2  changed (unsafe: review)  Remove \"data_channel_uri\"",
        "[data-channel-uri-removed]",
        "source: spec 1 (data_channel_uri",
        "Write 1693569600000 as 2023-09-01 [legacy-date-format]",
        "source: spec 1.1 (5.0), 4.5",
        "Remove the blank 'helper-text' [pattern-mismatch]",
        "source: spec 1.1 (6.0)",
        "Migrated 1 file to 7.3: 1 changed, 4 changes (2 unsafe: review them); 0 findings need the author.",
    ] {
        assert!(stdout.contains(line), "missing {line:?} in\n{stdout}");
    }
    // The removed URL is named, escaped: the file's escape character never reaches the
    // terminal.
    assert!(stdout.contains("https://example.com/"), "{stdout}");
    assert!(!stdout.contains('\u{1b}'), "raw escape in {stdout:?}");
    // The migrated flow is clean, and a second run has nothing to do.
    let check = waflow(&["check", "flow.json"], dir.path(), None);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    let again = waflow(&["migrate", "flow.json"], dir.path(), None);
    assert!(text(&again.stdout).contains("flow.json: already at 7.3"));
    assert_eq!(again.status.code(), Some(0));
}

#[test]
fn diff_writes_nothing_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("flow.json"), FLOW).unwrap();
    let out = waflow(&["migrate", "--diff", "flow.json"], dir.path(), None);
    assert_eq!(out.status.code(), Some(1));
    let diff = text(&out.stdout);
    assert!(
        diff.starts_with("--- a/flow.json\n+++ b/flow.json\n"),
        "{diff}"
    );
    assert!(diff.contains("-\t\"version\": \"2.1\","), "{diff}");
    assert!(diff.contains("+\t\"version\": \"7.3\","), "{diff}");
    // The account goes to stderr, beside the diff.
    assert!(text(&out.stderr).contains("1 would change"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("flow.json")).unwrap(),
        FLOW
    );
}

#[test]
fn stdin_in_migrated_text_out() {
    let dir = tempfile::tempdir().unwrap();
    let out = waflow(&["migrate", "-"], dir.path(), Some(FLOW));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), migrated());
    assert!(text(&out.stderr).contains("<stdin>: 2.1 -> 7.3"));
}

#[test]
fn what_needs_the_author_is_listed_with_its_cause_and_exits_1() {
    // A blank required label: 6.0 refuses it and no fix can invent the words.
    let flow = FLOW.replace("\"label\": \"Name\"", "\"label\": \" \"");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("flow.json"), &flow).unwrap();
    let out = waflow(&["migrate", "flow.json"], dir.path(), None);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("needs you  error PATTERN_MISMATCH [pattern-mismatch] Property 'label' of a TextInput must not be blank"),
        "{stdout}"
    );
    assert!(
        stdout.contains("since 6.0: Every string a component property binds must not be blank"),
        "{stdout}"
    );
    // With the CalendarPicker schema's reading of the same label, as Meta reports it.
    assert!(stdout.contains("2 findings need the author"), "{stdout}");
}

#[test]
fn refusals_exit_2_and_leave_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    let newer = FLOW.replace("\"2.1\"", "\"7.3\"");
    std::fs::write(dir.path().join("new.json"), &newer).unwrap();
    let out = waflow(&["migrate", "--to", "6.0", "new.json"], dir.path(), None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("new.json: the flow is at 7.3, newer than 6.0"),
        "{}",
        text(&out.stderr)
    );
    let out = waflow(&["migrate", "--to", "5.0", "new.json"], dir.path(), None);
    assert!(text(&out.stderr).contains("cannot migrate to 5.0"));
    let out = waflow(&["migrate", "--to", "seven", "new.json"], dir.path(), None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("new.json")).unwrap(),
        newer
    );
}

#[cfg(unix)]
#[test]
fn a_link_is_written_through_and_a_read_only_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("real.json"), FLOW).unwrap();
    std::os::unix::fs::symlink("real.json", dir.path().join("link.json")).unwrap();
    let out = waflow(&["migrate", "link.json"], dir.path(), None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // The link stays a link; the file it names is migrated.
    assert!(std::fs::symlink_metadata(dir.path().join("link.json"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("real.json")).unwrap(),
        migrated()
    );

    let ro = dir.path().join("ro.json");
    std::fs::write(&ro, FLOW).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = waflow(&["migrate", "ro.json"], dir.path(), None);
    // Root may write anyway; otherwise the refusal is reported and the file kept.
    if std::fs::read_to_string(&ro).unwrap() == FLOW {
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr).contains("could not write the migrated file"));
    }
}
