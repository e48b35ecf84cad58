//! The expression lexer and parser (conditions and backtick expressions) on arbitrary
//! text: never panics, every fault lies on the input's character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for range in waflow::internals::fuzz_expression(text) {
        assert!(range.start <= range.end && range.end <= text.len());
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
    }
});
