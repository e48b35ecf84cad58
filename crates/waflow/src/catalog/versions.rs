//! Flow JSON versions, their lifecycle state, and the data API versions (spec 1.1, 1.2).

use std::fmt;

/// A Flow JSON version as Meta parses it: `major.minor`, compared numerically
/// (Meta's builder keys versions as `major * 100 + minor` \[B]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FlowVersion {
    /// The number before the dot.
    pub major: u16,
    /// The number after the dot.
    pub minor: u16,
}

impl FlowVersion {
    /// `major.minor`.
    pub const fn new(major: u16, minor: u16) -> Self {
        FlowVersion { major, minor }
    }

    /// Parses `"M.m"`: digits, one dot, digits; major 1..=32766 and minor 0..=99 as in
    /// Meta's builder \[B]. Anything else (`"7"`, `"7.3.0"`, `"v7.3"`, `" 7.3"`) is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        let (major, minor) = text.split_once('.')?;
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(major) || !digits(minor) {
            return None;
        }
        let (major, minor): (u16, u16) = (major.parse().ok()?, minor.parse().ok()?);
        ((1..=32766).contains(&major) && minor <= 99).then_some(FlowVersion { major, minor })
    }
}

impl fmt::Display for FlowVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// Where a version stands, as far as the sources say (late 2026).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersionState {
    /// Can be created, updated, published and sent.
    Active,
    /// Public once; Meta no longer accepts creates or updates (existing flows still send).
    Frozen {
        /// The date it was frozen, `YYYY-MM-DD`.
        since: &'static str,
    },
    /// Known to Meta's builder but never announced: not available to accounts.
    Unavailable,
    /// Pre-GA ids Meta's builder refuses as unsupported.
    Unsupported,
}

/// What the sources say about one version id (spec 1.1).
#[derive(Clone, Copy, Debug)]
pub struct VersionInfo {
    /// The version.
    pub version: FlowVersion,
    /// The spelling authors write (`"2.99"`, `"1.10"`).
    pub id: &'static str,
    /// Where it stands.
    pub state: VersionState,
    /// Source tag and what the version brought, for messages and docs.
    pub note: &'static str,
}

const fn v(
    major: u16,
    minor: u16,
    id: &'static str,
    state: VersionState,
    note: &'static str,
) -> VersionInfo {
    VersionInfo {
        version: FlowVersion::new(major, minor),
        id,
        state,
        note,
    }
}

use VersionState::*;

/// Every version id any source mentions, in version order (spec 1.1).
pub const VERSIONS: &[VersionInfo] = &[
    v(1, 0, "1.0", Unsupported, "[B] pre-GA beta"),
    v(1, 1, "1.1", Unsupported, "[B] pre-GA beta"),
    v(1, 10, "1.10", Unsupported, "[B] pre-GA beta"),
    v(1, 20, "1.20", Unsupported, "[B] pre-GA beta"),
    v(2, 0, "2.0", Unsupported, "[B] pre-GA beta"),
    v(
        2,
        1,
        "2.1",
        Frozen {
            since: "2025-04-08",
        },
        "[D] GA Oct 2023; frozen 8 Apr 2025",
    ),
    v(2, 2, "2.2", Unavailable, "[B] internal id, never public"),
    v(2, 99, "2.99", Unavailable, "[B] internal id, never public"),
    v(
        3,
        0,
        "3.0",
        Frozen {
            since: "2025-04-08",
        },
        "[D] frozen 8 Apr 2025",
    ),
    v(
        3,
        1,
        "3.1",
        Frozen {
            since: "2025-04-08",
        },
        "[D] frozen 8 Apr 2025",
    ),
    v(3, 2, "3.2", Unavailable, "[B] internal id, never public"),
    v(
        4,
        0,
        "4.0",
        Frozen {
            since: "2025-04-08",
        },
        "[D] frozen 8 Apr 2025",
    ),
    v(
        4,
        1,
        "4.1",
        Unavailable,
        "[B] internal id, not in public lists",
    ),
    v(
        5,
        0,
        "5.0",
        Frozen {
            since: "2025-09-10",
        },
        "[D] frozen 10 Sep 2025",
    ),
    v(5, 1, "5.1", Active, "[D][A] active"),
    v(
        5,
        2,
        "5.2",
        Unavailable,
        "[B] internal shopping layouts, not public",
    ),
    v(6, 0, "6.0", Active, "[D] 12 Nov 2024"),
    v(6, 1, "6.1", Active, "[D] 12 Nov 2024"),
    v(6, 2, "6.2", Active, "[D] 10 Dec 2024"),
    v(6, 3, "6.3", Active, "[D] 14 Jan 2025"),
    v(7, 0, "7.0", Active, "[D] 11 Mar 2025"),
    v(7, 1, "7.1", Active, "[D] 10 Jun 2025"),
    v(7, 2, "7.2", Active, "[D] 8 Jul 2025"),
    v(
        7,
        3,
        "7.3",
        Active,
        "[D][P][A] 10 Sep 2025; latest public version",
    ),
    v(7, 4, "7.4", Unavailable, "[B] schema present, unannounced"),
];

/// The newest version Meta has announced \[D]\[P]\[A].
pub const LATEST: FlowVersion = FlowVersion::new(7, 3);

/// What [`VERSIONS`] says about `version`; `None` for a version no source mentions.
pub fn lookup(version: FlowVersion) -> Option<&'static VersionInfo> {
    VERSIONS.iter().find(|v| v.version == version)
}

/// Versions a flow can be created or updated with today, in order.
pub fn active() -> impl Iterator<Item = &'static VersionInfo> {
    VERSIONS.iter().filter(|v| v.state == Active)
}

/// A `data_api_version` value and the first Flow JSON version that accepts it
/// (spec 1 and 1.2: `"3.0"` everywhere, `"4.0"` from Flow JSON 7.3 \[B]\[P]).
#[derive(Clone, Copy, Debug)]
pub struct DataApiVersion {
    /// The value as written in `data_api_version` (`"3.0"`).
    pub id: &'static str,
    /// The first Flow JSON version that accepts it.
    pub since: FlowVersion,
}

/// Every `data_api_version` value Meta accepts, oldest first (spec 1.2).
pub const DATA_API_VERSIONS: &[DataApiVersion] = &[
    DataApiVersion {
        id: "3.0",
        since: FlowVersion::new(2, 1),
    },
    DataApiVersion {
        id: "4.0",
        since: FlowVersion::new(7, 3),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_meta() {
        assert_eq!(FlowVersion::parse("7.3"), Some(FlowVersion::new(7, 3)));
        assert_eq!(FlowVersion::parse("1.10"), Some(FlowVersion::new(1, 10)));
        for bad in [
            "7", "7.", ".3", "7.3.0", "v7.3", " 7.3", "7.100", "0.9", "7,3", "",
        ] {
            assert_eq!(FlowVersion::parse(bad), None, "{bad:?}");
        }
        assert!(FlowVersion::new(1, 10) > FlowVersion::new(1, 2));
    }

    #[test]
    fn table_is_sorted_and_ids_round_trip() {
        for w in VERSIONS.windows(2) {
            assert!(w[0].version < w[1].version);
        }
        for v in VERSIONS {
            assert_eq!(FlowVersion::parse(v.id), Some(v.version));
            assert_eq!(v.version.to_string(), v.id);
        }
        assert_eq!(lookup(LATEST).map(|v| v.state), Some(Active));
    }
}
