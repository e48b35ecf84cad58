//! The expression language of spec 6: `${...}` references, backtick expressions (from
//! 6.0) and If conditions (from 4.0).
//!
//! Everything here works on the *decoded* string value and reports byte offsets into it;
//! the caller maps an offset back to the source bytes (escapes make the two differ), so
//! a fault is pointed at where it sits inside the JSON string.

mod lexer;
mod parser;

use std::ops::Range;

pub(crate) use parser::{parse, Mode};

/// What a reference reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    Data,
    Form,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Data => "data",
            Source::Form => "form",
        }
    }
}

/// One `${...}` reference, with the offsets of its parts.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Ref<'e> {
    /// `screen.S.` — another screen's data or form (spec 6.1, from 4.0).
    pub screen: Option<(&'e str, Range<usize>)>,
    pub source: Source,
    /// The field path after `data.` / `form.`, at least one segment.
    pub path: Vec<(&'e str, Range<usize>)>,
    /// The whole `${...}`.
    pub range: Range<usize>,
    /// Whether its `}` is there (Meta reads an unclosed reference in an expression as the
    /// path it names; waflow warns).
    pub closed: bool,
}

/// A value type of spec 6.2 / 6.3: the catalog's kinds of value, which the expression
/// language types with.
pub(crate) use crate::catalog::model::ValueKind as VType;

impl VType {
    pub fn as_str(self) -> &'static str {
        match self {
            VType::String => "string",
            VType::Number => "number",
            VType::Boolean => "boolean",
            VType::Object => "object",
            VType::Array => "array",
            VType::Media => "media list",
        }
    }
}

/// A fault inside an expression: where (byte offsets in the decoded string) and what.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ExprError {
    pub range: Range<usize>,
    pub message: String,
}

/// Binary operators (spec 6.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Rem,
}

impl BinOp {
    /// `==` `!=` `<` `<=` `>` `>=`.
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Or => "||",
            BinOp::And => "&&",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Rem => "%",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expr<'e> {
    Ref(Ref<'e>),
    Str(Range<usize>),
    Num(Range<usize>),
    Bool(Range<usize>),
    Not(Box<Expr<'e>>, Range<usize>),
    Neg(Box<Expr<'e>>, Range<usize>),
    Binary {
        op: BinOp,
        op_at: Range<usize>,
        left: Box<Expr<'e>>,
        right: Box<Expr<'e>>,
    },
    /// Operands side by side: joined into a string (backtick expressions only).
    Concat(Vec<Expr<'e>>),
    Group(Box<Expr<'e>>, Range<usize>),
}

impl<'e> Expr<'e> {
    pub fn range(&self) -> Range<usize> {
        match self {
            Expr::Ref(r) => r.range.clone(),
            Expr::Str(r) | Expr::Num(r) | Expr::Bool(r) => r.clone(),
            Expr::Not(_, r) | Expr::Neg(_, r) | Expr::Group(_, r) => r.clone(),
            Expr::Binary { left, right, .. } => left.range().start..right.range().end,
            Expr::Concat(parts) => {
                let start = parts.first().map_or(0, |p| p.range().start);
                let end = parts.last().map_or(0, |p| p.range().end);
                start..end
            }
        }
    }

    /// Every reference, in source order.
    pub fn refs<'x>(&'x self, out: &mut Vec<&'x Ref<'e>>) {
        match self {
            Expr::Ref(r) => out.push(r),
            Expr::Str(_) | Expr::Num(_) | Expr::Bool(_) => {}
            Expr::Not(e, _) | Expr::Neg(e, _) | Expr::Group(e, _) => e.refs(out),
            Expr::Binary { left, right, .. } => {
                left.refs(out);
                right.refs(out);
            }
            Expr::Concat(parts) => parts.iter().for_each(|p| p.refs(out)),
        }
    }

    fn has_ref(&self) -> bool {
        let mut v = Vec::new();
        self.refs(&mut v);
        !v.is_empty()
    }

    /// The result type (spec 6.4), given the type of each reference (`None`: unknown,
    /// because it did not resolve, which another rule reports). Type faults go to `errs`.
    pub fn type_of(
        &self,
        types: &dyn Fn(&Ref<'e>) -> Option<VType>,
        errs: &mut Vec<ExprError>,
    ) -> Option<VType> {
        match self {
            Expr::Ref(r) => types(r),
            Expr::Str(_) => Some(VType::String),
            Expr::Num(_) => Some(VType::Number),
            Expr::Bool(_) => Some(VType::Boolean),
            Expr::Group(e, _) => e.type_of(types, errs),
            Expr::Not(e, r) => {
                expect(
                    e,
                    types,
                    VType::Boolean,
                    "'!' needs a boolean operand",
                    r,
                    errs,
                );
                Some(VType::Boolean)
            }
            Expr::Neg(e, r) => {
                expect(
                    e,
                    types,
                    VType::Number,
                    "numeric value expected after unary minus",
                    r,
                    errs,
                );
                Some(VType::Number)
            }
            Expr::Concat(parts) => {
                for p in parts {
                    if let Some(t @ (VType::Object | VType::Array | VType::Media)) =
                        p.type_of(types, errs)
                    {
                        errs.push(ExprError {
                            range: p.range(),
                            message: format!(
                                "operand type not supported: a {} can't be joined into text",
                                t.as_str()
                            ),
                        });
                    }
                }
                Some(VType::String)
            }
            Expr::Binary {
                op,
                op_at,
                left,
                right,
            } => {
                let (l, r) = (left.type_of(types, errs), right.type_of(types, errs));
                let (want, result) = match op {
                    BinOp::Or | BinOp::And => (Some(VType::Boolean), VType::Boolean),
                    BinOp::Eq | BinOp::Ne => (None, VType::Boolean),
                    BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                        (Some(VType::Number), VType::Boolean)
                    }
                    _ => (Some(VType::Number), VType::Number),
                };
                match want {
                    Some(want) => {
                        for (side, t) in [(left, l), (right, r)] {
                            if let Some(t) = t.filter(|t| *t != want) {
                                errs.push(ExprError {
                                    range: side.range(),
                                    message: format!(
                                        "operand type mismatch: '{}' needs {} operands, this one is a {}",
                                        op.as_str(),
                                        article(want),
                                        t.as_str()
                                    ),
                                });
                            }
                        }
                    }
                    None => {
                        if let (Some(l), Some(r)) = (l, r) {
                            if l != r {
                                errs.push(ExprError {
                                    range: op_at.clone(),
                                    message: format!(
                                        "operand type mismatch: '{}' compares a {} with a {}",
                                        op.as_str(),
                                        l.as_str(),
                                        r.as_str()
                                    ),
                                });
                            }
                        }
                    }
                }
                Some(result)
            }
        }
    }

    /// The If-condition rules of spec 6.4 beyond parsing: at least one dynamic value,
    /// no comparison of two literals.
    pub fn condition_faults(&self, errs: &mut Vec<ExprError>) {
        if !self.has_ref() {
            errs.push(ExprError {
                range: self.range(),
                message:
                    "the condition is made only of literals; it must use at least one dynamic value"
                        .into(),
            });
            return;
        }
        // Literal faults first, then the missing parentheses (one walk, two lists).
        let mut parens = Vec::new();
        self.operator_faults(errs, &mut parens, false);
        errs.extend(parens);
    }

    /// The faults of a condition's operators, in one walk (`parens` takes the second kind):
    /// - literals on both sides of an operator (nothing dynamic to test), reported at the
    ///   topmost such operator (`literal`: an enclosing one was reported already);
    /// - a comparison joined to `&&` or `||` without parentheses: Meta's condition parser
    ///   does not rank `&&`/`||` below comparisons, so `(${form.a} > 1) && ${form.b}` needs
    ///   them (its "Wrong positioning of operator" error; conformance record
    ///   invalid-if-condition_invalid-literals, and Meta refusing `a == 'x' || a == 'y'` in
    ///   the wild). Backtick expressions are parsed with precedence and need none.
    fn operator_faults(
        &self,
        errs: &mut Vec<ExprError>,
        parens: &mut Vec<ExprError>,
        literal: bool,
    ) {
        match self {
            Expr::Binary {
                left,
                right,
                op_at,
                op,
            } => {
                let both_literal = !left.has_ref() && !right.has_ref();
                if both_literal && !literal {
                    errs.push(ExprError {
                        range: op_at.clone(),
                        message: format!(
                            "literals on both sides of '{}': compare a dynamic value instead",
                            op.as_str()
                        ),
                    });
                }
                if matches!(op, BinOp::And | BinOp::Or) {
                    let comparison = [left, right].into_iter().find_map(|side| match &**side {
                        Expr::Binary { op: inner, .. } if inner.is_comparison() => Some(*inner),
                        _ => None,
                    });
                    if let Some(inner) = comparison {
                        parens.push(ExprError {
                            range: op_at.clone(),
                            message: format!(
                                "'{}' joins the comparison '{}' without parentheses; Meta's condition parser needs them: (a {} b) {} c",
                                op.as_str(),
                                inner.as_str(),
                                inner.as_str(),
                                op.as_str()
                            ),
                        });
                    }
                }
                left.operator_faults(errs, parens, literal || both_literal);
                right.operator_faults(errs, parens, literal || both_literal);
            }
            Expr::Not(e, _) | Expr::Neg(e, _) | Expr::Group(e, _) => {
                e.operator_faults(errs, parens, literal)
            }
            _ => {}
        }
    }
}

fn expect<'e>(
    e: &Expr<'e>,
    types: &dyn Fn(&Ref<'e>) -> Option<VType>,
    want: VType,
    message: &str,
    at: &Range<usize>,
    errs: &mut Vec<ExprError>,
) {
    if let Some(t) = e.type_of(types, errs) {
        if t != want {
            errs.push(ExprError {
                range: at.clone(),
                message: format!("{message} (this one is a {})", t.as_str()),
            });
        }
    }
}

pub(crate) fn article(t: VType) -> &'static str {
    match t {
        VType::String => "string",
        VType::Number => "number",
        VType::Boolean => "boolean",
        VType::Object => "object",
        VType::Array => "array",
        VType::Media => "media",
    }
}

/// Parses a whole-value reference `${...}` (the only dynamic form outside backticks).
pub(crate) fn whole_ref(s: &str) -> Option<Result<Ref<'_>, ExprError>> {
    if s.starts_with("${") && s.ends_with('}') && s[2..].find('}') == Some(s.len() - 3) {
        Some(lexer::reference(s, 0).and_then(|(r, len)| {
            if len == s.len() {
                return Ok(r);
            }
            // A character that can't be in a name stops the path before the `}`.
            let bad = r.range.end;
            let c = s[bad..].chars().next().unwrap_or('}');
            Err(ExprError {
                range: bad..bad + c.len_utf8(),
                message: format!(
                    "'{c}' can't be in a reference: names use letters, digits, '_' or '-'"
                ),
            })
        }))
    } else {
        None
    }
}

/// A backtick expression's body, when `s` is one (spec 6.4: the whole value in backticks).
pub(crate) fn backtick_body(s: &str) -> Option<(usize, &str)> {
    (s.len() >= 2 && s.starts_with('`') && s.ends_with('`') && !s.ends_with("\\`"))
        .then(|| (1, &s[1..s.len() - 1]))
}

/// The 1-based column of byte `offset` in `s` as Meta's builder counts it (UTF-16 units,
/// spec 9.3).
pub(crate) fn column(s: &str, offset: usize) -> usize {
    s.get(..offset).map_or(offset, |p| p.encode_utf16().count()) + 1
}

#[cfg(test)]
mod tests;
