use super::*;

fn err(src: &str, mode: Mode) -> ExprError {
    parse(src, 0, mode).expect_err(src)
}

#[test]
fn corpus_expressions_parse() {
    for src in [
        "${form.age} >= 18",
        "(${data.value} && (${form.animal} == 'cat'))",
        "(${screen.SELECT_INSURANCE.form.insurance} != '')",
        "!${form.x} || -${data.n} < 3.5",
    ] {
        parse(src, 0, Mode::Condition).unwrap_or_else(|e| panic!("{src}: {e:?}"));
    }
    let e = parse(
        "'The sum of ' ${data.a} ' is ' (${data.a} + ${data.b})",
        0,
        Mode::Backtick,
    )
    .unwrap();
    assert!(matches!(e, Expr::Concat(ref parts) if parts.len() == 4));
}

#[test]
fn faults_are_located_where_they_are() {
    let e = err("(${form.a} == 'x'", Mode::Condition);
    assert_eq!(e.range, 0..1);
    assert!(e.message.starts_with("missing closing parenthesis"));
    let e = err("${form.a} == 'x", Mode::Condition);
    assert_eq!(
        (
            e.range.start,
            e.message.starts_with("missing closing quote")
        ),
        (13, true)
    );
    let e = err("${form.a} ${form.b}", Mode::Condition);
    assert_eq!(
        (e.range.clone(), e.message.as_str()),
        (10..19, "missing operator between two operands")
    );
    assert_eq!(
        err("", Mode::Condition).message.split(':').next(),
        Some("empty condition")
    );
    assert_eq!(err("()", Mode::Condition).message, "empty parentheses");
    assert_eq!(err("${form.a} = 1", Mode::Condition).range, 10..11);
    assert!(err("${form.a} == 007", Mode::Condition)
        .message
        .contains("leading zero"));
    assert!(err("${form.a} ==", Mode::Condition)
        .message
        .starts_with("missing operand"));
    assert!(err("- 'x'", Mode::Condition)
        .message
        .starts_with("numeric value expected"));
    assert!(err("${form.a} # 1", Mode::Condition)
        .message
        .starts_with("unexpected character"));
    assert!(err("${form.a} == yes", Mode::Condition)
        .message
        .starts_with("invalid operand"));
    assert!(err("${form.a})", Mode::Condition)
        .message
        .starts_with("misplaced token ')'"));
    assert!(err("${forms.a}", Mode::Condition)
        .message
        .contains("not 'forms'"));
    assert_eq!(err(&"(".repeat(10_000), Mode::Condition).range.start, 65);
}

#[test]
fn types_follow_the_operators() {
    let types = |r: &Ref<'_>| match r.path[0].0 {
        "age" => Some(VType::Number),
        "ok" => Some(VType::Boolean),
        _ => Some(VType::String),
    };
    let check = |src: &str| {
        let e = parse(src, 0, Mode::Condition).unwrap();
        let mut errs = Vec::new();
        let t = e.type_of(&types, &mut errs);
        (t, errs.len())
    };
    assert_eq!(check("${form.age} >= 18"), (Some(VType::Boolean), 0));
    assert_eq!(check("${form.name} >= 18"), (Some(VType::Boolean), 1));
    assert_eq!(check("${form.name} == 18"), (Some(VType::Boolean), 1));
    assert_eq!(
        check("${form.ok} && ${form.age}"),
        (Some(VType::Boolean), 1)
    );
    assert_eq!(check("${form.age} + 1"), (Some(VType::Number), 0));
    let mut errs = Vec::new();
    parse("1 == 2", 0, Mode::Condition)
        .unwrap()
        .condition_faults(&mut errs);
    assert!(errs[0].message.contains("only of literals"));
    errs.clear();
    parse("${form.ok} && 1 == 2", 0, Mode::Condition)
        .unwrap()
        .condition_faults(&mut errs);
    assert!(errs[0].message.contains("both sides"));
}

#[test]
fn whole_references_and_columns() {
    let r = whole_ref("${screen.A.data.x.y}").unwrap().unwrap();
    assert_eq!(r.screen.unwrap().0, "A");
    assert_eq!(r.path.iter().map(|p| p.0).collect::<Vec<_>>(), ["x", "y"]);
    assert!(whole_ref("Hello ${data.x}").is_none());
    assert!(whole_ref("${data.x} ${data.y}").is_none());
    assert_eq!(column("é${", 2), 2);
    assert_eq!(backtick_body("`a`"), Some((1, "a")));
}

mod props {
    use super::super::*;
    use proptest::prelude::*;

    /// Strings made of the expression language's own characters, so most inputs get past
    /// the first token and reach the parser's deeper states.
    fn source() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("${form.a}"),
                Just("${data.b.c}"),
                Just("${screen.S.data.x}"),
                Just("${"),
                Just("}"),
                Just("'t'"),
                Just("'"),
                Just("("),
                Just(")"),
                Just("=="),
                Just("!="),
                Just("<"),
                Just(">="),
                Just("&&"),
                Just("||"),
                Just("!"),
                Just("-"),
                Just("+"),
                Just("*"),
                Just("%"),
                Just("0"),
                Just("12"),
                Just("3.5"),
                Just("007"),
                Just("true"),
                Just(" "),
                Just("é"),
                Just("`"),
                Just("\\"),
                Just("x"),
                Just("="),
            ],
            0..24,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn never_panics_and_faults_sit_on_the_input(src in source()) {
            for mode in [Mode::Condition, Mode::Backtick] {
                match parse(&src, 0, mode) {
                    Ok(e) => {
                        let r = e.range();
                        prop_assert!(r.start <= r.end && r.end <= src.len());
                        let mut errs = Vec::new();
                        let _ = e.type_of(&|_| Some(VType::Number), &mut errs);
                        e.condition_faults(&mut errs);
                        for err in errs {
                            prop_assert!(err.range.end <= src.len());
                        }
                    }
                    Err(err) => {
                        prop_assert!(err.range.start <= err.range.end && err.range.end <= src.len(), "{:?} in {:?}", err, src);
                        prop_assert!(src.is_char_boundary(err.range.start) && src.is_char_boundary(err.range.end));
                        prop_assert!(!err.message.is_empty());
                        prop_assert!(column(&src, err.range.start) >= 1);
                    }
                }
            }
        }
    }
}
