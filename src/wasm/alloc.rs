//! A small allocator for the wasm build: power-of-two size classes, each with
//! a free list, carved from memory grown on demand.
//!
//! The standard allocator on this target (dlmalloc) costs about 7 KB of wasm.
//! The work here is short calls that build a few lists and strings and free
//! them, so blocks are reused by size class and never split or merged: at
//! most twice the requested size is held, and a freed block serves the next
//! request of its class. The module is single-threaded.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::UnsafeCell;

const PAGE: usize = 65536;
/// Classes 2^3 .. 2^31 bytes.
const CLASSES: usize = 32;

struct State {
    /// Head of each class's free list (0 = empty); a free block holds the next.
    free: [usize; CLASSES],
    /// Next unused byte of the grown region.
    top: usize,
    /// End of the grown region.
    end: usize,
}

pub struct Alloc(UnsafeCell<State>);

// SAFETY: wasm32-unknown-unknown without threads: one caller at a time.
unsafe impl Sync for Alloc {}

#[global_allocator]
static ALLOC: Alloc = Alloc(UnsafeCell::new(State {
    free: [0; CLASSES],
    top: 0,
    end: 0,
}));

/// The class of a block of `size` bytes aligned to `align`: `CLASSES` or
/// more when it is too large to serve. Scalars in and out, so that callers
/// keep it in registers.
fn class(size: usize, align: usize) -> usize {
    let n = size.max(align).max(8);
    // The exponent of the smallest power of two ≥ n.
    (usize::BITS - (n - 1).leading_zeros()) as usize
}

unsafe impl GlobalAlloc for Alloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let s = &mut *self.0.get();
        let c = class(layout.size(), layout.align());
        let Some(slot) = s.free.get_mut(c) else {
            return core::ptr::null_mut();
        };
        let align = layout.align().max(8);
        let head = *slot;
        if head != 0 && head & (align - 1) == 0 {
            *slot = *(head as *const usize);
            return head as *mut u8;
        }
        let size = 1usize << c;
        let mut p = (s.top + align - 1) & !(align - 1);
        if s.top == 0 || p.checked_add(size).is_none_or(|e| e > s.end) {
            let need = size + align;
            let pages = need.div_ceil(PAGE);
            let prev = wasm32::memory_grow(0, pages);
            if prev == usize::MAX {
                return core::ptr::null_mut();
            }
            let start = prev * PAGE;
            if start != s.end || s.top == 0 {
                // Not contiguous with the region so far: start afresh.
                s.top = start;
            }
            s.end = start.saturating_add(pages * PAGE);
            p = (s.top + align - 1) & !(align - 1);
        }
        s.top = p + size;
        p as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let s = &mut *self.0.get();
        if let Some(slot) = s.free.get_mut(class(layout.size(), layout.align())) {
            *(ptr as *mut usize) = *slot;
            *slot = ptr as usize;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let c = class(layout.size(), layout.align());
        if c < CLASSES && c == class(new_size, layout.align()) {
            return ptr;
        }
        let new = Layout::from_size_align_unchecked(new_size, layout.align());
        let p = self.alloc(new);
        if !p.is_null() {
            core::ptr::copy_nonoverlapping(ptr, p, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        p
    }
}
