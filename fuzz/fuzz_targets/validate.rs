//! The whole pipeline on arbitrary bytes: never panics; every pointer's span lies inside
//! the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let report = waflow::validate_bytes(data);
    for f in report.errors().iter().chain(report.warnings()) {
        for p in &f.pointers {
            if let Some(s) = p.span {
                assert!(s.start <= s.end && s.end as usize <= data.len(), "{f:?}");
            }
        }
    }
});
