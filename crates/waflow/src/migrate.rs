//! Moving a flow to a newer Flow JSON version (`waflow migrate`). Above the pipeline, as
//! the fixer is: the version field is rewritten, the flow is validated at the new version,
//! and the fixes of the findings the newer version brings (those the catalog's changelog
//! names, [`crate::catalog::changes`]) are applied in rounds. What no fix resolves is
//! handed to the author with its position and the change that caused it; faults the flow
//! had before are left alone (they are not the migration's to fix).

use std::collections::HashSet;

use crate::catalog::changes::{self, Change};
use crate::catalog::versions::{self, VersionState};
use crate::catalog::FlowVersion;
use crate::fix::{Applicability, Edit, Fix};
use crate::fixer::{fix_selected, AppliedFix};
use crate::{Finding, Options, Report};

/// Why a flow cannot be migrated.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum MigrateError {
    /// The text is not a JSON object (the check reports why).
    #[error("not a Flow JSON object: run `waflow check` to see why")]
    NotAFlow,
    /// The flow has no `version` string.
    #[error("the flow has no \"version\" string to migrate from")]
    NoVersion,
    /// The flow's version is not one waflow knows the changes of.
    #[error("cannot migrate from version {0:?}: it is not a Flow JSON version with a schema")]
    UnknownVersion(String),
    /// The target is not a version Meta lets authors publish.
    #[error("cannot migrate to {0}: it is not a version Meta accepts new flows in")]
    TargetNotActive(FlowVersion),
    /// The target is older than the flow's version.
    #[error("the flow is at {from}, newer than {to}: migrate only moves forward")]
    Downgrade {
        /// The flow's version.
        from: FlowVersion,
        /// The requested one.
        to: FlowVersion,
    },
}

/// One thing the migration did.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Step {
    /// What was done.
    pub title: String,
    /// Safe, or unsafe (the author should look at it).
    pub applicability: Applicability,
    /// The rule whose fix it is (`None` for the version field itself).
    pub rule: Option<&'static str>,
    /// Where, in the text the step applied to (the original text for the first round).
    pub at: Option<crate::Pointer>,
    /// The source in the spec sheet.
    pub source: &'static str,
}

/// A finding of the migrated flow that the migration brought and could not fix.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Needs {
    /// The finding, positioned in the migrated text.
    pub finding: Finding,
    /// The version change that causes it, when the changelog names its rule.
    pub change: Option<&'static Change>,
}

/// The outcome of [`migrate`].
#[derive(Debug)]
#[non_exhaustive]
pub struct Migration {
    /// The flow's version before.
    pub from: FlowVersion,
    /// The version migrated to.
    pub to: FlowVersion,
    /// The migrated text (the input when `from == to`).
    pub text: String,
    /// What was changed, in order.
    pub steps: Vec<Step>,
    /// What the newer version rejects (or warns about) that needs the author.
    pub needs: Vec<Needs>,
    /// The report of the migrated text, as `waflow check` makes it: everything that
    /// remains, old faults included.
    pub report: Report,
}

/// Where version changes are cited from in the spec sheet.
const VERSION_SOURCE: &str = "spec 1.1 (versions and lifecycle)";

/// Migrates `text` to Flow JSON version `to`: the version field, then the fixes (safe and
/// unsafe) of every finding that is new at `to` and whose rule a change between the two
/// versions names, or that applies only from a version after the flow's. Never makes the
/// flow worse (the fixer refuses a round that adds errors); what is left is in
/// [`Migration::needs`].
pub fn migrate(text: &str, to: FlowVersion, options: &Options) -> Result<Migration, MigrateError> {
    match versions::lookup(to).map(|v| v.state) {
        Some(VersionState::Active) => {}
        _ => return Err(MigrateError::TargetNotActive(to)),
    }
    let (from, version_span) = flow_version(text)?;
    if from > to {
        return Err(MigrateError::Downgrade { from, to });
    }
    let before = crate::validate_through_schema_errors(text.as_bytes(), options);
    if from == to {
        return Ok(Migration {
            from,
            to,
            text: text.to_owned(),
            steps: Vec::new(),
            needs: Vec::new(),
            report: crate::validate_with(text.as_bytes(), options),
        });
    }
    // Faults the flow already had, as (rule, path): the migration leaves them alone.
    let known: HashSet<(Option<&str>, String)> = before.in_order().map(key).collect();
    let crossed: Vec<&'static Change> = changes::between(from, to).collect();
    let change_of = |rule: Option<&str>, path: Option<&str>| {
        let prop = path.map_or("", last_key);
        rule.and_then(|r| changes::explaining(&crossed, r, prop))
    };
    // A rule that starts applying inside (from, to] brings new faults too.
    let newer_rule = |rule: Option<&str>| {
        rule.and_then(crate::registry::by_code)
            .and_then(|r| r.since)
            .is_some_and(|s| from < s && s <= to)
    };
    let brought = |f: &Finding| {
        !known.contains(&key(f))
            && (change_of(f.rule, first_path(f)).is_some() || newer_rule(f.rule))
    };

    let bump = Fix::safe(
        format!("Set \"version\" to \"{to}\""),
        vec![Edit::replace(
            version_span,
            crate::edits::quote(&to.to_string()),
        )],
    );
    let (bumped, _) = crate::fix::apply(text, [&bump]);
    // Every stage runs: a schema error the author must fix elsewhere must not hide the
    // semantic rules' part of the migration.
    let validate = |t: &str| crate::validate_through_schema_errors(t.as_bytes(), options);
    let fixed = fix_selected(&bumped, validate, |f, _| brought(f));

    let mut steps = vec![Step {
        title: bump.title,
        applicability: Applicability::Safe,
        rule: None,
        at: Some(crate::locate::Locator::new(text).pointer_at(version_span, "version".into())),
        source: VERSION_SOURCE,
    }];
    steps.extend(fixed.fixes.into_iter().map(|f: AppliedFix| {
        Step {
            source: change_of(f.rule, f.at.as_ref().map(|p| p.path.as_str()))
                .map_or(VERSION_SOURCE, |c| c.source),
            title: f.title,
            applicability: f.applicability,
            rule: f.rule,
            at: f.at,
        }
    }));
    let needs = fixed
        .report
        .in_order()
        .filter(|f| !known.contains(&key(f)))
        .map(|f| Needs {
            finding: f.clone(),
            change: change_of(f.rule, first_path(f)),
        })
        .collect();
    let report = crate::validate_with(fixed.text.as_bytes(), options);
    Ok(Migration {
        from,
        to,
        text: fixed.text,
        steps,
        needs,
        report,
    })
}

fn first_path(f: &Finding) -> Option<&str> {
    f.pointers.first().map(|p| p.path.as_str())
}

/// The last key of a Meta path (`screens[0].title` -> `title`).
fn last_key(path: &str) -> &str {
    let tail = path.rsplit('.').next().unwrap_or(path);
    tail.split('[').next().unwrap_or(tail)
}

/// A finding's identity across versions: its rule and where it points.
fn key(f: &Finding) -> (Option<&'static str>, String) {
    let path = f
        .pointers
        .first()
        .map(|p| p.path.clone())
        .unwrap_or_default();
    (f.rule, path)
}

/// The flow's version and the span of its token.
fn flow_version(text: &str) -> Result<(FlowVersion, crate::syntax::Span), MigrateError> {
    let arena = crate::syntax::Arena::for_text(text);
    let parsed = crate::syntax::parse(text, &arena, &crate::syntax::ParseOptions::default())
        .map_err(|_| MigrateError::NotAFlow)?;
    let root = parsed.root;
    if root.as_object().is_none() {
        return Err(MigrateError::NotAFlow);
    }
    let node = root.get("version").ok_or(MigrateError::NoVersion)?;
    let id = node.as_str().ok_or(MigrateError::NoVersion)?;
    let version = FlowVersion::parse(id.trim())
        .filter(|v| {
            versions::lookup(*v).is_some_and(|i| {
                matches!(i.state, VersionState::Active | VersionState::Frozen { .. })
            })
        })
        .ok_or_else(|| MigrateError::UnknownVersion(id.to_owned()))?;
    Ok((version, node.span))
}
