//! The span parser on arbitrary bytes: never panics; a parsed tree's spans lie inside
//! the input and agree with the text they cover.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let arena = waflow::internals::syntax::Arena::new();
    if let Ok(parsed) = waflow::internals::syntax::parse(text, &arena, &Default::default()) {
        let span = parsed.root.span;
        assert!(span.end as usize <= text.len() && span.start <= span.end);
        assert!(text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize));
    }
});
