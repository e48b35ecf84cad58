//! The process allocator: the system one, asking the kernel for transparent huge pages on
//! large blocks.
//!
//! Why: checking a 10 MB flow touches about 30 MB of fresh memory (the file buffer, the
//! span-tree arena, the rule index). With 4 KiB pages that is ~7,500 page faults, and on
//! this project's 2-core VM they cost as much system time as the whole validation costs
//! user time (perf stat: 20 ms sys against 24 ms user). A 2 MiB page takes one fault where
//! 4 KiB pages take 512. Only blocks of at least `HUGE` bytes are advised, so small flows and
//! the many small allocations are untouched; the advice is a hint the kernel may ignore
//! (THP off, or `never`), and a failed `madvise` changes nothing.

#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};

pub struct Allocator;

/// Blocks below this gain little: the advice covers only whole 2 MiB pages inside them.
const HUGE: usize = 4 << 20;
const PAGE: usize = 2 << 20;

// SAFETY: every call is forwarded to `System` unchanged; `advise` only passes ranges that
// lie inside the block `System` just returned, and `madvise(MADV_HUGEPAGE)` never changes
// the contents or the validity of memory.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        advise(p, layout.size());
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        advise(p, layout.size());
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        advise(p, new_size);
        p
    }
}

#[cfg(target_os = "linux")]
fn advise(p: *mut u8, len: usize) {
    if p.is_null() {
        return;
    }
    if let Some((start, len)) = huge_pages_within(p as usize, len) {
        // SAFETY: [start, start + len) lies inside the block just allocated (see above).
        unsafe { libc::madvise(start as *mut libc::c_void, len, libc::MADV_HUGEPAGE) };
    }
}

#[cfg(not(target_os = "linux"))]
fn advise(_: *mut u8, _: usize) {}

/// The whole 2 MiB pages inside the block at `addr` of `len` bytes, as (start, length), when
/// the block is large enough to be worth advising.
fn huge_pages_within(addr: usize, len: usize) -> Option<(usize, usize)> {
    if len < HUGE {
        return None;
    }
    let start = addr.checked_next_multiple_of(PAGE)?;
    let end = addr.checked_add(len)? / PAGE * PAGE;
    (end > start).then(|| (start, end - start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_huge_pages_inside_large_blocks_are_advised() {
        assert_eq!(huge_pages_within(PAGE, HUGE - 1), None);
        assert_eq!(huge_pages_within(PAGE, HUGE), Some((PAGE, HUGE)));
        // An unaligned block: the partial pages at both ends stay out.
        assert_eq!(huge_pages_within(PAGE + 16, HUGE), Some((2 * PAGE, PAGE)));
        assert_eq!(
            huge_pages_within(PAGE + 16, HUGE + 4 * PAGE),
            Some((2 * PAGE, 5 * PAGE))
        );
        // No overflow at the top of the address space.
        assert_eq!(huge_pages_within(usize::MAX - HUGE + 2, HUGE), None);
    }

    #[test]
    fn blocks_from_the_allocator_hold_what_is_written_through_growth() {
        let mut v: Vec<u8> = Vec::with_capacity(HUGE + 3);
        v.extend((0..HUGE + 3).map(|i| i as u8));
        v.reserve(3 * HUGE);
        v.extend((0..HUGE).map(|i| (i * 7) as u8));
        assert!(v[..HUGE + 3].iter().enumerate().all(|(i, &b)| b == i as u8));
        assert!(v[HUGE + 3..]
            .iter()
            .enumerate()
            .all(|(i, &b)| b == (i * 7) as u8));
    }
}
