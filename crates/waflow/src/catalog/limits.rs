//! Document-level limits.

/// Meta's maximum Flow JSON size: 10 MB where 1 MB is 1,048,576 bytes, counted on the
/// UTF-8 bytes [D][B][A] (spec 10; AWS's API has `maxLength` 10485760).
pub const MAX_FLOW_JSON_BYTES: usize = 10 * 1_048_576;

/// At most this many screens in a flow: Meta's builder answers MAX_SCREENS_NUMBER past it
/// [B] (spec 8, 10).
pub const MAX_SCREENS: usize = 100;

/// At most this many screens one screen may move to: the entries of its `routing_model`
/// list or, without a routing model, its distinct navigate targets; Meta answers
/// INVALID_ROUTING_MODEL past it [B][D] (spec 7.1, 7.2).
pub const MAX_ROUTING_BRANCHES: usize = 10;
