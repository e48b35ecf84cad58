//! Limits: of the document, of its screens, of the media a response carries.

/// Meta's maximum Flow JSON size: 10 MB where 1 MB is 1,048,576 bytes, counted on the
/// UTF-8 bytes [D][B][A] (spec 10; AWS's API has `maxLength` 10485760).
pub const MAX_FLOW_JSON_BYTES: usize = 10 * 1_048_576;

/// At most this many screens in a flow: Meta's builder answers MAX_SCREENS_NUMBER past it
/// [B] (spec 8, 10).
pub const MAX_SCREENS: usize = 100;

// ---- media a complete payload carries (spec 5.3, 10) -----------------------------------

/// A response message carries at most this many media files: from 5.0 the maximum file
/// counts of the pickers a complete payload references add up to no more
/// (INVALID_ON_CLICK_ACTION_PAYLOAD) [B][D] (spec 5.3, 10).
pub const MAX_MEDIA_FILES_PER_RESPONSE: u32 = 10;

/// A response message carries at most this much media, in KB (100 MiB): the referenced
/// pickers' maximum file counts times their `max-file-size-kb`, added up [B][D] (spec 5.3,
/// 10).
pub const MAX_MEDIA_KB_PER_RESPONSE: u32 = 100 * 1024;

/// What an unset `max-uploaded-photos` / `max-uploaded-documents` counts as when a complete
/// payload's media are added up: the most a picker takes [B][D] (spec 4.6, 5.3, 10).
pub const DEFAULT_MAX_UPLOADED_FILES: u32 = 30;

/// What an unset `max-file-size-kb` counts as, in KB (25 MiB): the largest file a picker
/// takes [B][D] (spec 4.6, 5.3, 10).
pub const DEFAULT_MAX_FILE_SIZE_KB: u32 = 25_600;

/// Before 5.0 a complete payload may reference at most this many media pickers (from 5.0
/// their file counts are added up instead) [B] (spec 5.3).
pub const MAX_PICKERS_PER_COMPLETE_BEFORE_V5_0: usize = 1;
