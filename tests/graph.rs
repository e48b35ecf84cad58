//! `waflow graph`, run as users run it.

use std::path::Path;
use std::process::Command;

fn waflow(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_waflow"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("waflow runs")
}

#[test]
fn the_shop_flow_as_mermaid_dot_and_json() {
    let flow = "testdata/endpoint/_flows/shop.json";
    let out = waflow(&["graph", flow]);
    assert_eq!(out.status.code(), Some(0));
    let mermaid = String::from_utf8_lossy(&out.stdout);
    assert!(mermaid.starts_with("flowchart LR\n"), "{mermaid}");
    // START and CART send data_exchange: their routes are the endpoint's to take.
    assert!(mermaid.contains("s0 ==>|data_exchange| s1"), "{mermaid}");
    assert!(mermaid.contains("s2([\"DONE: Done\"])"), "{mermaid}");
    let dot =
        String::from_utf8_lossy(&waflow(&["graph", "--format", "dot", flow]).stdout).into_owned();
    assert!(
        dot.contains("s1 -> s2 [label=\"data_exchange\", style=bold];"),
        "{dot}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&waflow(&["graph", "--format", "json", flow]).stdout).unwrap();
    assert_eq!(json["screens"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["edges"][0]["kind"], "data_exchange");
}

#[test]
fn a_file_that_is_not_a_flow_exits_2() {
    let out = waflow(&["graph", "Cargo.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a flow with screens"));
}
