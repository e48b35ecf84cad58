//! Golden tests of the binary (trycmd): every subcommand, format and exit code, and the
//! config file, as a user would type them. The expected output is in the `.md` files of
//! tests/cmd/ (`TRYCMD=overwrite cargo test --test golden` rewrites it; review the diff).

#[test]
fn cli_golden() {
    trycmd::TestCases::new()
        .register_bin("waflow", trycmd::cargo::cargo_bin!("waflow"))
        .case("tests/cmd/*.md");
}
