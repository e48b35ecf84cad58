//! A precedence-climbing parser over the tokens of `lexer.rs`.
//!
//! Precedence, loosest first: side-by-side concatenation (backtick expressions only),
//! `||`, `&&`, `==` `!=`, `<` `<=` `>` `>=`, `+` `-`, `*` `/` `%`, then unary `!` `-`.
//! Meta documents the operators but not their precedence (spec 6.4); this is the
//! JavaScript order, which the builder's evaluator is written in.

use super::lexer::{tokens, Tok, Token};
use super::{BinOp, Expr, ExprError};

/// Which grammar: an If `condition` (no concatenation) or a backtick expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Condition,
    Backtick,
}

/// Parentheses nested deeper than this are refused rather than risk the stack.
const MAX_NESTING: usize = 64;

/// Parses `src`, found at byte `base` of the string value.
pub(crate) fn parse(src: &str, base: usize, mode: Mode) -> Result<Expr<'_>, ExprError> {
    let toks = tokens(src, base)?;
    if toks.is_empty() {
        let what = match mode {
            Mode::Condition => {
                "empty condition: write a boolean expression such as ${form.age} >= 18"
            }
            Mode::Backtick => "empty expression between the backticks",
        };
        return Err(ExprError {
            range: base..base + src.len(),
            message: what.into(),
        });
    }
    let mut p = Parser {
        toks,
        at: 0,
        mode,
        depth: 0,
        end: base + src.len(),
    };
    let e = p.sequence()?;
    if let Some(t) = p.peek() {
        return Err(p.stray(t));
    }
    Ok(e)
}

struct Parser<'e> {
    toks: Vec<Token<'e>>,
    at: usize,
    mode: Mode,
    depth: usize,
    end: usize,
}

fn prec(op: BinOp) -> u8 {
    match op {
        BinOp::Or => 1,
        BinOp::And => 2,
        BinOp::Eq | BinOp::Ne => 3,
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => 4,
        BinOp::Add | BinOp::Sub => 5,
        BinOp::Mul | BinOp::Div | BinOp::Rem => 6,
    }
}

fn starts_operand(t: &Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Ref(_) | Tok::Str | Tok::Num | Tok::Bool | Tok::Not | Tok::Open
    )
}

impl<'e> Parser<'e> {
    fn peek(&self) -> Option<&Token<'e>> {
        self.toks.get(self.at)
    }

    fn next(&mut self) -> Option<Token<'e>> {
        let t = self.toks.get(self.at).cloned();
        self.at += 1;
        t
    }

    /// An error for a token that can't come where it is.
    fn stray(&self, t: &Token<'e>) -> ExprError {
        let message = match &t.tok {
            Tok::Close => "misplaced token ')': there is no '(' to close".into(),
            tok if starts_operand(tok) && self.mode == Mode::Condition => {
                "missing operator between two operands".into()
            }
            _ => "misplaced token".into(),
        };
        ExprError {
            range: t.range.clone(),
            message,
        }
    }

    /// Operands side by side (backticks) or one expression (condition).
    fn sequence(&mut self) -> Result<Expr<'e>, ExprError> {
        let first = self.binary(1)?;
        if self.mode == Mode::Condition {
            return Ok(first);
        }
        let mut parts = vec![first];
        while self.peek().is_some_and(|t| starts_operand(&t.tok)) {
            parts.push(self.binary(1)?);
        }
        Ok(if parts.len() == 1 {
            parts.pop().expect("one part")
        } else {
            Expr::Concat(parts)
        })
    }

    fn binary(&mut self, min: u8) -> Result<Expr<'e>, ExprError> {
        let mut left = self.unary()?;
        while let Some(Token {
            tok: Tok::Op(op),
            range,
        }) = self.peek().cloned()
        {
            if prec(op) < min {
                break;
            }
            self.at += 1;
            let right = self.binary(prec(op) + 1)?;
            left = Expr::Binary {
                op,
                op_at: range,
                left: Box::new(left),
                right: Box::new(right),
            };
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr<'e>, ExprError> {
        let Some(t) = self.next() else {
            let at = self.toks.last().map_or(self.end, |t| t.range.clone().start);
            return Err(ExprError {
                range: at..self.end,
                message: "missing operand after the last operator".into(),
            });
        };
        let range = t.range.clone();
        match t.tok {
            Tok::Ref(r) => Ok(Expr::Ref(r)),
            Tok::Str => Ok(Expr::Str(range)),
            Tok::Num => Ok(Expr::Num(range)),
            Tok::Bool => Ok(Expr::Bool(range)),
            Tok::Not => {
                let e = self.nested(|p| p.unary())?;
                let whole = range.start..e.range().end;
                Ok(Expr::Not(Box::new(e), whole))
            }
            Tok::Op(BinOp::Sub) => {
                if !self
                    .peek()
                    .is_some_and(|t| matches!(t.tok, Tok::Ref(_) | Tok::Num | Tok::Open))
                {
                    return Err(ExprError {
                        range,
                        message: "numeric value expected after unary minus".into(),
                    });
                }
                let e = self.nested(|p| p.unary())?;
                let whole = range.start..e.range().end;
                Ok(Expr::Neg(Box::new(e), whole))
            }
            Tok::Open => {
                if self.peek().is_some_and(|t| t.tok == Tok::Close) {
                    let close = self.next().expect("peeked");
                    return Err(ExprError {
                        range: range.start..close.range.end,
                        message: "empty parentheses".into(),
                    });
                }
                let inner = self.nested(|p| p.sequence())?;
                match self.next() {
                    Some(Token {
                        tok: Tok::Close,
                        range: close,
                    }) => Ok(Expr::Group(Box::new(inner), range.start..close.end)),
                    Some(other) => Err(self.stray(&other)),
                    None => Err(ExprError {
                        range,
                        message: "missing closing parenthesis for this '('".into(),
                    }),
                }
            }
            Tok::Op(op) => Err(ExprError {
                range,
                message: format!(
                    "misplaced token '{}': an operand is missing before it",
                    op.as_str()
                ),
            }),
            Tok::Close => Err(ExprError {
                range,
                message: "misplaced token ')': an operand is missing before it".into(),
            }),
        }
    }

    fn nested(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<Expr<'e>, ExprError>,
    ) -> Result<Expr<'e>, ExprError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            let at = self
                .toks
                .get(self.at)
                .map_or(self.end..self.end, |t| t.range.clone());
            return Err(ExprError {
                range: at,
                message: format!("expression nested deeper than {MAX_NESTING} levels"),
            });
        }
        let e = f(self);
        self.depth -= 1;
        e
    }
}
