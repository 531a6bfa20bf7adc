//! Works-cited headings and entry forms on single lines, and the collector on short lists.

use super::*;

fn entry_start(line: &str) -> Option<(Option<u32>, &str)> {
    entry_form(line).map(|(number, _, text)| (number, text))
}

#[test]
fn headings_with_qualifiers_and_colons() {
    for h in [
        "Works Cited",
        "Works Cited (Chicago-style)",
        "WORKS CITED:",
        "References",
        "Bibliography",
        "Sources:",
        "notes",
        "Endnotes",
        "References [APA]",
        "Sources - MLA",
        "Notas",
        "Referências",
        "Bibliografía",
        "Références",
        "Einzelnachweise",
        "Literaturverzeichnis",
        "Kaynakça",
        "Dipnotlar",
        "Примечания",
        "Список литературы",
        "Further Reading",
        "Przypisy",
        "Literatuur",
        "Noten",
        "Bronnen",
        "Voetnoten",
        "Poznámky",
        "Literatura",
        "Noter",
        "Källor",
        "Litteratur",
        "Kilder",
        "Jegyzetek",
        "Irodalom",
        "Note",
        "Bibliografie",
        "Referències",
        "Lähteet",
        "Примітки",
        "注释",
        "註釋",
        "参考文献：",
        "參考文獻",
        "参考资料",
        "注",
        "脚注",
        "出典",
        "注釈",
        "주",
        "각주",
        "참고문헌",
        "참고 문헌",
        "출처",
        "Σημειώσεις",
        "ΣΗΜΕΙΩΣΕΙΣ",
        "Παραπομπές",
        "Βιβλιογραφία",
        "Πηγές",
        "Υποσημειώσεις",
        "Reference list",
        "REFERENCE LIST:",
        "List of references",
        "References cited",
        "Selected bibliography",
        "Notes and sources",
        "Sources and further reading",
        "Primary sources",
    ] {
        assert!(is_heading(h), "{h}");
    }
    for h in [
        "Ideology and Objectives",
        "Sources of funding",
        "My notes on this",
        "Notas de viagem",
        "Literaturkritik",
        "Noten bij de tekst van de wet",
        "Przypisy autora do rozdziału drugiego i trzeciego",
        "Källorna berättar",
        "注意事项",
        "주의",
        "Σημειώσεις του συγγραφέα για το δεύτερο κεφάλαιο",
        "Source",
        "Selected works",
        "Notes on contributors",
        "List of works",
        "Literature",
        "",
    ] {
        assert!(!is_heading(h), "{h}");
    }
}

#[test]
fn a_list_without_a_heading_is_found_when_the_text_cites_it() {
    let text = "Born in Toruń (1), raised by an uncle (2).\n\nPrzypisy\n\n\
                (1) Biskup, Regesta, s. 27.\n(2) Wasiutyński, Kopernik.\n\
                (3) Tamże, s. 70.\n(5) A gap ends the run.\n";
    let (span, last) = unheaded_list(text).expect("list");
    assert_eq!((span.line, span.column, last), (5, 1, 3));
    assert!(text[span.offset..].starts_with("(1) Biskup"));
    // steps of a procedure are no notes list unless brackets cite them
    assert_eq!(unheaded_list("Steps:\n1. Open it.\n2. Close it.\n"), None);
    assert_eq!(unheaded_list("Cited (1).\n(1) Only one entry.\n"), None);
}

#[test]
fn entry_forms() {
    assert_eq!(entry_start("(1) - Merat, A."), Some((Some(1), "Merat, A.")));
    assert_eq!(entry_start("(12) Ibid"), Some((Some(12), "Ibid")));
    assert_eq!(entry_start("(3) -"), Some((Some(3), "")));
    assert_eq!(entry_start("(3)"), Some((Some(3), "")));
    assert_eq!(
        entry_start("10. Masters, J."),
        Some((Some(10), "Masters, J."))
    );
    assert_eq!(entry_start("[7] Cole"), Some((Some(7), "Cole")));
    assert_eq!(entry_start("4) Hussain"), Some((Some(4), "Hussain")));
    assert_eq!(entry_start("^ Smith, J."), Some((None, "Smith, J.")));
    assert_eq!(entry_start("3. ^ a b c Smith"), Some((Some(3), "Smith")));
    assert_eq!(entry_start("^ Jump up to: a b Doe"), Some((None, "Doe")));
    assert_eq!(entry_start("^ a Doe"), Some((None, "a Doe")));
    assert_eq!(
        entry_start("^ 2.0 2.1 Vik, A. (1981)"),
        Some((None, "Vik, A. (1981)"))
    );
    assert_eq!(entry_start("2. ^ 2.0 2.1 2.2 Vik"), Some((Some(2), "Vik")));
    assert_eq!(entry_start("2. 2.0 2.1 Vik"), Some((Some(2), "Vik")));
    assert_eq!(entry_start("↑ a b Doe"), Some((None, "Doe")));
    assert_eq!(
        entry_start("4. 2.0 beta release notes"),
        Some((Some(4), "2.0 beta release notes"))
    );
    assert_eq!(
        entry_start("4. 3.1 3.2 Roe"),
        Some((Some(4), "3.1 3.2 Roe"))
    );
    assert_eq!(entry_start("(4)-x"), None);
    assert_eq!(entry_start("(MEK) group"), None);
    assert_eq!(entry_start("Merat, A. (2018)"), None);
    assert_eq!(entry_start("(1234567890) ten digits"), None);
}

#[test]
fn numbers_outside_1_to_999_need_the_sequence_or_a_citing_bracket() {
    let mut c = Collector::new("A claim (0). Another [1000], (7, 1979) and (2–1001).\n(5000) x\n");
    assert_eq!(c.entry("1979. A year"), None);
    assert_eq!(c.entry("(5000) written at a line start"), None);
    assert_eq!(c.entry("(0) zero"), Some((Some(0), "zero")));
    assert_eq!(c.entry("[1000] Big"), Some((Some(1000), "Big")));
    assert_eq!(c.entry("(1979) cited"), Some((Some(1979), "cited")));
    assert_eq!(c.entry("(1001) range end"), Some((Some(1001), "range end")));
    assert_eq!(c.entry("(1002) not cited"), None);
    assert!(c.start("(999) - Last of three digits", Span::default(), None));
    assert_eq!(c.entry("1000. Next"), Some((Some(1000), "Next")));
    assert!(c.start("1000. Next", Span::default(), None));
    assert_eq!(c.entry("1002. Gap"), None);
}

#[test]
fn collector_numbers_carets_in_sequence_and_joins_continuations() {
    let mut c = Collector::default();
    assert!(c.start("^ First", Span::default(), None));
    c.extend("https://example.org/a");
    assert!(c.start("^ Second", Span::default(), None));
    assert!(!c.start("Not an entry", Span::default(), None));
    assert!(c.start("whatever", Span::default(), Some(12)));
    let got: Vec<_> = c
        .entries
        .iter()
        .map(|e| (e.number, e.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "First https://example.org/a"),
            (2, "Second"),
            (12, "whatever")
        ]
    );
}

#[test]
fn unnumbered_entries_start_where_a_finished_entry_meets_an_entry_opening() {
    let starts = starts_unnumbered_entry;
    // MLA, Chicago and APA entries, one a line
    let graham = "Graham, Katharine. Personal History. Alfred A. Knopf, 1997.";
    assert!(starts(
        "Bernstein, Carl, and Bob Woodward. All the President's Men. Simon and Schuster, 1974.",
        graham
    ));
    assert!(starts(
        graham,
        "\"The Watergate Story.\" The Washington Post, 2022."
    ));
    assert!(starts(
        "\"The Watergate Story.\" The Washington Post, www.washingtonpost.com/wp-srv/",
        "Woodward, Bob. The Secret Man. Simon and Schuster, 2005."
    ));
    assert!(starts(
        "Browne, J. (1995). Charles Darwin: Voyaging. Alfred A. Knopf.",
        "Darwin Correspondence Project. (n.d.). Darwin's notebooks."
    ));
    assert!(starts(
        "Mayr, E. (1991). One long argument. https://doi.org/10.1000/xyz",
        "Secord, J. A. (2000). Victorian sensation."
    ));
    assert!(starts(graham, "———. Cod. Walker, 1997."));
    assert!(starts(
        graham,
        "*Beowulf*. Translated by Seamus Heaney. 2000."
    ));
    // a firm's "& Co." is no initial
    assert!(starts(
        "Høyer, Liv Nansen (1957). Nansen: A Family Portrait. London: Longmans, Green & Co.",
        "Huntford, Roland (1997). Nansen: The Explorer as Hero. London: Duckworth."
    ));
    // undated, but the next line is written "Family, Given."
    assert!(starts(
        "Papers of the Harbour Guild. City Archive, Lund.",
        "Varga, Ilona. The Salt Roads. Tisza Press, 2012."
    ));
    // wrapped lines
    assert!(!starts(
        "Kutler, Stanley I. The Wars of Watergate: The Last Crisis of",
        "Richard Nixon. Alfred A. Knopf, 1990."
    ));
    assert!(!starts(
        "Kutler, Stanley I. The Wars of Watergate. Alfred A.",
        "Knopf, 1990."
    ));
    assert!(!starts(
        "Kutler, Stanley I. The Wars of Watergate: The Last Crisis of Richard Nixon.",
        "Alfred A. Knopf, 1990."
    ));
    assert!(!starts(
        "Browne, J. (1995).",
        "Charles Darwin: Voyaging. Knopf."
    ));
    assert!(!starts(
        "O'Connor, John D. \"Deep Throat.\" Vanity Fair, July 2005, pp.",
        "86-89."
    ));
    assert!(!starts(
        "\"The Watergate Story.\" The Washington Post, 2005.",
        "Accessed 3 June 2022."
    ));
    assert!(!starts(graham, "https://example.org/graham"));
    assert!(!starts(graham, "and more words."));
    assert!(!starts(
        "Vik, A. (1981). Title. Journal 4,",
        "Oslo, Norway."
    ));
}
