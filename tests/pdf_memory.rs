//! How the PDF backend's memory grows with the page count (issue 10, item 8): the
//! heap it holds at its peak, counted by this test binary's allocator, so the figure
//! is the same on every run and machine (no timing, no RSS). Pages are composed and
//! written one at a time and a book's glyphs are held once; before that, every page
//! was kept until the writer started, beside two more copies of every set line, and
//! the heap grew by about 400 KB a page on this input (now about 130 KB, most of it
//! krilla's: the tag tree and the serialised file, held until the end). Books past
//! `HOLD_TEXT` (2 MiB of text) hold no glyphs at all; `src/pdf/replay.rs` tests that.
//!
//! One test only: the counters are process-wide, and tests run on parallel threads.

#[path = "gen/scraped.rs"]
mod scraped;
use scraped::scraped_profile;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use folio::pdf::{PdfOptions, pdf};
use folio::{read::read, resolve::resolve};

/// The system allocator, counting the bytes live and the most ever live.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on unchanged.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on unchanged.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on unchanged.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The long scraped profile (`gen/scraped.rs`) as a book.
fn profile(paragraphs: usize) -> folio::model::Book {
    let text = scraped_profile(|n, _| n < paragraphs);
    let doc = resolve(read("big.txt", text.as_bytes()));
    folio::model::Book {
        meta: doc.meta.clone(),
        documents: vec![doc],
    }
}

/// Pages written and the most heap live at once while writing them, beyond what
/// was live before.
fn peak_of(paragraphs: usize) -> (usize, usize) {
    let book = profile(paragraphs);
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = pdf(&book, &PdfOptions::default()).expect("a pdf");
    let peak = PEAK.load(Ordering::Relaxed) - before;
    assert!(out.bytes.starts_with(b"%PDF"));
    (out.report.pages, peak)
}

#[test]
fn pdf_memory_per_page_stays_small() {
    let (p1, m1) = peak_of(1_500);
    let (p4, m4) = peak_of(6_000);
    assert!(p4 > 3 * p1, "{p1} then {p4} pages");
    // What each further page costs at the peak: the fixed part (fonts, krilla's
    // set-up) cancels out.
    let per_page = (m4.saturating_sub(m1)) / (p4 - p1);
    eprintln!(
        "{p1} pages: {} KB at the peak; {p4} pages: {} KB; {} KB a page",
        m1 / 1000,
        m4 / 1000,
        per_page / 1000
    );
    assert!(per_page < 160_000, "{} KB a page", per_page / 1000);
}
