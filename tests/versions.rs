//! One version: Cargo's `[workspace.package]` version is the wheel's, the npm package's
//! and the VS Code extension's (docs/releasing.md; `scripts/set-version` writes them).

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn json_version(path: &str) -> (String, serde_json::Value) {
    let text = std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    (v["version"].as_str().unwrap_or_default().to_owned(), v)
}

#[test]
fn every_package_has_cargo_s_version() {
    // This package's version is the workspace's (version.workspace = true).
    let version = env!("CARGO_PKG_VERSION");
    for package in ["npm", "editors/vscode"] {
        let (v, _) = json_version(&format!("{package}/package.json"));
        assert_eq!(v, version, "{package}/package.json");
        let (v, lock) = json_version(&format!("{package}/package-lock.json"));
        assert_eq!(v, version, "{package}/package-lock.json");
        assert_eq!(
            lock["packages"][""]["version"], version,
            "{package}/package-lock.json"
        );
    }
    // The wheel takes it from Cargo when maturin builds it.
    let pyproject = std::fs::read_to_string(root().join("pyproject.toml")).unwrap();
    assert!(
        pyproject.contains("dynamic = [\"version\"]"),
        "pyproject.toml"
    );
    for krate in [
        "crates/waflow-py",
        "crates/waflow-wasm",
        "crates/waflow",
        "crates/waflow-8x8",
    ] {
        let toml = std::fs::read_to_string(root().join(krate).join("Cargo.toml")).unwrap();
        assert!(
            toml.contains("version.workspace = true"),
            "{krate} has a version of its own"
        );
    }
    // The workspace's dependency entries on its own crates.
    let cargo = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    for name in ["waflow", "waflow-8x8"] {
        let line = cargo
            .lines()
            .find(|l| l.starts_with(&format!("{name} = {{ path")))
            .unwrap_or_else(|| panic!("no {name} entry"));
        assert!(line.contains(&format!("version = \"{version}\"")), "{line}");
    }
}
