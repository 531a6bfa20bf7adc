//! One test per rule of short-form, Ibid and footnote resolution, on profiles written
//! out as text and read by the real readers: input and expected side by side. (The
//! rules of markers and notes are in `resolve_rules.rs`.)

use folio::model::{Document, NoteKind};
use folio::{read::read, resolve::resolve};

/// A plain-text profile citing `entries` in order: entry `i` (from 1) is on line 5 + i.
fn works_cited(entries: &[&str]) -> Document {
    profile("rules.txt", entries)
}

/// A Markdown profile citing footnotes `f1`, `f2`, … in order: footnote `i` (from 1) is
/// defined on line 3 + i.
fn footnotes(bodies: &[&str]) -> Document {
    profile("rules.md", bodies)
}

/// One claim per note, then the notes: a works-cited list, or footnote definitions.
fn profile(name: &str, notes: &[&str]) -> Document {
    let markdown = name.ends_with(".md");
    let mut text = String::from(if markdown { "# Rules\n\n" } else { "Rules\n\n" });
    for i in 1..=notes.len() {
        let marker = if markdown {
            format!("[^f{i}]")
        } else {
            format!("({i})")
        };
        text.push_str(&format!("Claim {i}.{marker} "));
    }
    text.push_str(if markdown { "\n" } else { "\n\nWorks Cited\n" });
    for (i, note) in notes.iter().enumerate() {
        let n = i + 1;
        let start = if markdown {
            format!("[^f{n}]:")
        } else {
            format!("({n}) -")
        };
        text.push_str(&format!("{start} {note}\n"));
    }
    resolve(read(name, text.as_bytes()))
}

/// (kind, source, locator) of every note, in order.
fn resolved(doc: &Document) -> Vec<(NoteKind, Option<String>, Option<String>)> {
    doc.notes
        .iter()
        .map(|n| (n.kind, n.source.clone(), n.locator.clone()))
        .collect()
}

/// (code, line) of every diagnostic.
fn warnings(doc: &Document) -> Vec<(&'static str, u32)> {
    doc.diagnostics
        .iter()
        .map(|d| (d.code, d.span.line))
        .collect()
}

fn s(id: &str) -> Option<String> {
    Some(id.to_string())
}

const VARGA: &str = "Varga, Ilona. The Salt Roads: Trade and Power on the Danube, 1700–1850. Szeged: Tisza Press, 2012.";

#[test]
fn chicago_short_title_author_only_and_op_cit() {
    let doc = works_cited(&[
        VARGA,
        "Hale, Mark. Tides. Oslo: Sea Press, 2001.",
        "Varga, Salt Roads, 23.",
        "Hale, 9.",
        "Varga, op. cit., p. 40.",
        "Cole and Hussain, “Defectors,” 4.",
    ]);
    use NoteKind::{Full, Short};
    assert_eq!(
        resolved(&doc),
        [
            (Full, s("s1"), None),
            (Full, s("s2"), None),
            (Short, s("s1"), s("23")),
            (Short, s("s2"), s("9")),
            (Short, s("s1"), s("p. 40")),
            (Short, None, s("4")),
        ]
    );
    assert_eq!(warnings(&doc), [("W-SHORT-UNRESOLVED", 11)]);
}

#[test]
fn title_only_short_forms() {
    let doc = works_cited(&[
        "Charter of the Harbour Guilds. Port Authority, 1788.",
        "Charter of the Harbour Guilds, art. 12.",
        "Harbour Guilds, § 4.",
    ]);
    use NoteKind::{Full, Short};
    assert_eq!(
        resolved(&doc),
        [
            (Full, s("s1"), None),
            (Short, s("s1"), s("art. 12")),
            (Short, s("s1"), s("§ 4")),
        ]
    );
    assert_eq!(warnings(&doc), []);
}

#[test]
fn two_works_that_fit_equally_are_never_guessed_between() {
    let doc = works_cited(&[
        VARGA,
        "Varga, Ilona. Salt Roads Revisited. Szeged: Tisza Press, 2019.",
        "Varga, Salt Roads, 23.",
        "Ibid., 24.",
        "Varga, 7.",
        "Varga, Salt Roads Revisited, 8.",
    ]);
    let sources: Vec<Option<String>> = resolved(&doc).into_iter().map(|r| r.1).collect();
    assert_eq!(sources, [s("s1"), s("s2"), None, None, None, s("s2")]);
    assert_eq!(
        warnings(&doc),
        [
            ("W-SHORT-UNRESOLVED", 8),
            ("W-IBID-UNRESOLVED", 9),
            ("W-SHORT-UNRESOLVED", 10)
        ]
    );
    let message = &doc.diagnostics[0].message;
    assert!(
        message.contains("note 1, “Varga, Ilona. The Salt Roads")
            && message.contains("note 2, “Varga, Ilona. Salt Roads Revisited"),
        "{message}"
    );
}

#[test]
fn the_sample_form_with_initials_and_a_whole_title() {
    let doc = works_cited(&[
        "Merat, A. (2018, November 9). Terrorists, cultists – or champions of Iranian democracy? The wild wild story of the mek. The Guardian.",
        "Merat, A., Terrorists, cultists – or champions of Iranian democracy? The wild wild story of the mek",
        "Cole, M. C., & Hussain, M. (2020, March 23). Defectors tell of torture. The Intercept.",
        "Cole, M. C., & Hussain, M., Defectors tell of torture.",
    ]);
    let sources: Vec<Option<String>> = resolved(&doc).into_iter().map(|r| r.1).collect();
    assert_eq!(sources, [s("s1"), s("s1"), s("s2"), s("s2")]);
    assert_eq!(warnings(&doc), []);
}

#[test]
fn repeated_full_citation_with_a_page_is_the_same_source() {
    let doc = works_cited(&[
        VARGA,
        "Varga, Ilona. The Salt Roads: Trade and Power on the Danube, 1700–1850. Szeged: Tisza Press, 2012, 45.",
        "VARGA, Ilona.  The Salt Roads: Trade and Power on the Danube, 1700-1850. Szeged: Tisza Press, 2012",
    ]);
    assert_eq!(doc.sources.len(), 1);
    assert_eq!(doc.sources[0].notes, [1, 2, 3]);
    assert_eq!(doc.notes[1].locator, s("45"));
}

#[test]
fn other_pages_of_the_same_citation_are_another_part() {
    let doc = works_cited(&[
        "Collective. Working in pairs. The Care Journal, March 2014, no. 155, pp. 9-21.",
        "Collective. Working in pairs. The Care Journal, March 2014, no. 155, pp. 22-30.",
    ]);
    assert_eq!(doc.sources.len(), 2);
}

#[test]
fn footnotes_that_cite_resolve_and_commentary_stays_a_note() {
    let doc = footnotes(&[
        "Varga, Ilona. *The Salt Roads: Trade and Power on the Danube, 1700–1850*. Szeged: Tisza Press, 2012.",
        "Ibid., 4.",
        "The translation is mine.",
        "The figures differ; see Varga, *Salt Roads*, 23.",
        "See Varga, *Salt Roads*, 30.",
        "Id.",
    ]);
    use NoteKind::{Footnote, Full, Ibid, Short};
    assert_eq!(
        resolved(&doc),
        [
            (Full, s("s1"), None),
            (Ibid, s("s1"), s("4")),
            (Footnote, None, None),
            (Footnote, s("s1"), s("23")),
            (Short, s("s1"), s("30")),
            (Ibid, s("s1"), None),
        ]
    );
    let numbers: Vec<u32> = doc.notes.iter().map(|n| n.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
    assert_eq!(doc.sources.len(), 1);
    assert_eq!(doc.sources[0].notes, [1, 2, 4, 5, 6]);
    assert_eq!(warnings(&doc), []);
}

#[test]
fn footnote_ibid_after_commentary_and_unresolved_short_warn_at_their_line() {
    let doc = footnotes(&[
        "The translation is mine.",
        "Ibid., 4.",
        "Kiss, *River Tolls*, 9.",
    ]);
    use NoteKind::{Footnote, Ibid, Short};
    assert_eq!(
        resolved(&doc),
        [
            (Footnote, None, None),
            (Ibid, None, s("4")),
            (Short, None, s("9")),
        ]
    );
    assert_eq!(
        warnings(&doc),
        [("W-IBID-UNRESOLVED", 5), ("W-SHORT-UNRESOLVED", 6)]
    );
}

#[test]
fn a_short_form_that_commentary_may_mean_is_not_guessed() {
    // The second footnote cites a work of Varga in a form folio does not take for a
    // reference; "Varga, 9" may mean it as well as the first.
    let doc = footnotes(&[
        VARGA,
        "Varga's later essay on river tolls says otherwise.",
        "Varga, 9.",
        "Varga, *Salt Roads*, 10.",
    ]);
    let sources: Vec<Option<String>> = resolved(&doc).into_iter().map(|r| r.1).collect();
    assert_eq!(sources, [s("s1"), None, None, s("s1")]);
    assert_eq!(warnings(&doc), [("W-SHORT-UNRESOLVED", 6)]);
    assert!(doc.diagnostics[0].message.contains("note 2 (commentary)"));
}

#[test]
fn a_footnote_that_describes_a_document_in_prose_stays_a_note() {
    let doc = footnotes(&[
        "*Lessons from Sarnic*, an internal review circulated to members in March 2022 and later posted online.",
        "*Annual Report*, 1891, p. 4.",
        "Note *1999* (see page 1999).",
    ]);
    let kinds: Vec<NoteKind> = doc.notes.iter().map(|n| n.kind).collect();
    assert_eq!(
        kinds,
        [NoteKind::Footnote, NoteKind::Full, NoteKind::Footnote]
    );
    assert_eq!(doc.sources.len(), 1);
}

#[test]
fn a_sentence_opened_by_an_article_is_commentary() {
    // An article as a lone capital, then a run of prose: the name "Plano Cohen" is
    // no author. "A Bottomless Pitman", a pseudonym, stays an author.
    let doc = footnotes(&[
        "O Plano Cohen, documento forjado por integralistas e atribuído aos comunistas, foi divulgado pelo governo em 30 de setembro de 1937.",
        "A Bottomless Pitman. The last ditch. The Times. 1911 Jul 29;10.",
    ]);
    let kinds: Vec<NoteKind> = doc.notes.iter().map(|n| n.kind).collect();
    assert_eq!(kinds, [NoteKind::Footnote, NoteKind::Full]);
    // In a works-cited list: an article and a lowercase word, and no mark of a
    // reference; a title-first entry with its publisher is still a work.
    let doc = works_cited(&[
        "Η οικογένεια έμεινε στην Κωνσταντινούπολη από το 1882 έως το 1885, στο σπίτι του παππού Γεωργάκη Φωτιάδη.",
        "La guerre de Troie n’aura pas lieu. Paris: Grasset, 1935.",
    ]);
    let sources: Vec<Option<String>> = doc.notes.iter().map(|n| n.source.clone()).collect();
    assert_eq!(sources, [None, s("s1")]);
    assert!(
        doc.sources[0]
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("La guerre"))
    );
}

#[test]
fn an_author_only_short_form_is_not_matched_by_a_publisher_or_an_editor_of_that_name() {
    let doc = footnotes(&[
        "Andreas W. Daum, *Alexander von Humboldt* (München: C.H. Beck, 2019), 12.",
        "Hanno Beck, *Alexander von Humboldt*, 2 Bde. (Wiesbaden: Steiner, 1959), 140.",
        "Beck, a.a.O., S. 140.",
        "Daum, a.a.O., S. 30.",
    ]);
    let sources: Vec<Option<String>> = doc.notes.iter().map(|n| n.source.clone()).collect();
    assert_eq!(sources, [s("s1"), s("s2"), s("s2"), s("s1")]);
    // Nor by the editor of an authored book or of a chapter's book: a short form
    // names a work by its author ("Reich", not "Todd", for an essay Todd edited).
    let doc = footnotes(&[
        "Andreas W. Daum, *Humboldt*, ed. Hanno Beck (München: C.H. Beck, 2019), 12.",
        "Hanno Beck, *Alexander von Humboldt*, 2 Bde. (Wiesbaden: Steiner, 1959), 140.",
        "Beck, a.a.O., S. 140.",
    ]);
    assert_eq!(doc.notes[2].source, s("s2"));
    let doc = footnotes(&[
        "R. Larry Todd, *Fanny Hensel: The Other Mendelssohn*, Oxford UP, 2010, p. 8.",
        "Nancy B. Reich, \"The Power of Class: Fanny Hensel.\" *Mendelssohn and His World*, edited by R. Larry Todd, Princeton UP, 1991, pp. 86–99.",
        "Todd 351.",
        "Reich 92.",
    ]);
    let sources: Vec<Option<String>> = doc.notes.iter().map(|n| n.source.clone()).collect();
    assert_eq!(sources, [s("s1"), s("s2"), s("s1"), s("s2")]);
    // A translator of that name keeps it ambiguous.
    let doc = footnotes(&[
        "Andreas W. Daum, *Humboldt*, trans. Hanno Beck (München: C.H. Beck, 2019), 12.",
        "Hanno Beck, *Alexander von Humboldt*, 2 Bde. (Wiesbaden: Steiner, 1959), 140.",
        "Beck, a.a.O., S. 140.",
    ]);
    assert_eq!(doc.notes[2].source, None);
}

#[test]
fn a_works_cited_entry_that_states_a_fact_is_commentary() {
    // A subject and its verb, or a word only prose opens with, and no publication
    // facts: a remark in the list. A headline with its date and paper is a work.
    let doc = works_cited(&[
        "Turing himself called it the \"imitation game\"; the name \"Turing test\" came later.",
        "Leavitt's name was proposed for the Nobel Prize in 1925, after her death.",
        "Unless otherwise noted, translations from the Turkish are mine.",
        "Johnson, George. Miss Leavitt's Stars. New York: W. W. Norton, 2005.",
        "Harbour bridge was a death trap, inquest told (1990, May 3). The Guardian, p. 4.",
    ]);
    let sources: Vec<Option<String>> = doc.notes.iter().map(|n| n.source.clone()).collect();
    assert_eq!(sources, [None, None, None, s("s1"), s("s2")]);
}

#[test]
fn a_short_form_closing_commentary_without_a_cue_is_its_source() {
    let doc = footnotes(&[
        "Erika Lee, *At America's Gates: Chinese Immigration during the Exclusion Era, 1882–1943* (Chapel Hill: University of North Carolina Press, 2003), 12.",
        "The Act is discussed at length in Lee, *At America's Gates*, 23–46.",
        "The regiment fought in Flanders, Ypres and the Somme, 1914–18.",
        "The question is treated in Moreno, *Lost Harbours*, 9.",
    ]);
    let sources: Vec<Option<String>> = doc.notes.iter().map(|n| n.source.clone()).collect();
    assert_eq!(sources, [s("s1"), s("s1"), None, None]);
    assert_eq!(doc.notes[1].locator.as_deref(), Some("23–46"));
    // A short form of no earlier work is reported, not guessed.
    assert_eq!(warnings(&doc), [("W-SHORT-UNRESOLVED", 7)]);
}

#[test]
fn a_full_citation_held_in_an_earlier_one_is_a_work_of_its_own() {
    let doc = works_cited(&[
        "Smith, J. (2001). Alpha story. Pub.",
        "Smith, J. (2001). Alpha. Pub.",
        "Smith, Alpha story, 4.",
    ]);
    let sources: Vec<Option<String>> = resolved(&doc).into_iter().map(|r| r.1).collect();
    assert_eq!(sources, [s("s1"), s("s2"), s("s1")]);
}

/// A full footnote citation ends in the page it cites: that page is the note's locator,
/// not the book's pages; an article's page range stays the article's.
#[test]
fn a_full_note_keeps_its_page_as_locator() {
    let doc = footnotes(&[
        "Ilona Varga, *The Salt Roads* (Szeged: Tisza Press, 2012), 45.",
        "Jan Doe, “Harbour Strikes,” *Journal of Ports* 12, no. 3 (2019): 45–67.",
        "Brian Cowan, *The Social Life of Coffee* (New Haven: Yale University Press, 2005), 12.",
    ]);
    assert_eq!(doc.notes[2].locator.as_deref(), Some("12"));
    assert_eq!(doc.notes[0].kind, NoteKind::Full);
    assert_eq!(doc.notes[0].locator.as_deref(), Some("45"));
    assert_eq!(doc.sources.len(), 3);
    let book = doc
        .sources
        .iter()
        .find(|s| s.title.as_deref() == Some("The Salt Roads"))
        .expect("the book is a source");
    assert_eq!(book.details.pages, None);
    // The bibliography prints the book without the note's page, in its own form:
    // the name inverted, the facts out of their brackets, the book's title in italics.
    assert_eq!(
        book.citation,
        "Varga, Ilona. The Salt Roads. Szeged: Tisza Press, 2012."
    );
    let italic = book.emphasis.clone().expect("the title is in italics");
    assert_eq!(&book.citation[italic], "The Salt Roads");
    assert_eq!(doc.notes[1].locator, None);
    let article = doc
        .sources
        .iter()
        .find(|s| s.title.as_deref() == Some("Harbour Strikes"))
        .expect("the article is a source");
    assert_eq!(article.details.pages.as_deref(), Some("45–67"));
}

/// A footnote's italics reach the citation parser: a title alone in italics before a
/// year is the work's title, not an author's name, and the writer's italics are kept.
#[test]
fn a_footnotes_italics_mark_its_title() {
    let doc = footnotes(&["*Annual Report*, 1891, p. 4."]);
    assert_eq!(doc.notes[0].kind, NoteKind::Full);
    let source = &doc.sources[0];
    assert_eq!(source.title.as_deref(), Some("Annual Report"));
    assert!(source.authors.is_empty(), "{:?}", source.authors);
    assert_eq!(
        source.emphasis.clone().map(|r| &source.citation[r]),
        Some("Annual Report")
    );
}

/// Issue 8: Ibid, op. cit., Idem and *supra* in the languages folio reads, and the
/// page of a non-English full note. "Idem." before a new title is the author above,
/// so a later "FREYRE, op. cit." fits two works and is never guessed.
#[test]
fn non_english_ibid_op_cit_idem_and_supra() {
    let doc = works_cited(&[
        "FREYRE, Gilberto. Casa-grande & senzala. Rio de Janeiro: Maia & Schmidt, 1933. p. 45.",
        "Ibidem, p. 50.",
        "Idem. Sobrados e mucambos. São Paulo: Companhia Editora Nacional, 1936. p. 12.",
        "FREYRE, op. cit., p. 12.",
        "Ключевский В. О. Курс русской истории. М.: Мысль, 1987. С. 50.",
        "Ключевский В. О. Указ. соч. С. 60.",
        "Там же.",
    ]);
    use NoteKind::{Ibid, Short};
    let got = resolved(&doc);
    assert_eq!(got[1], (Ibid, s("s1"), s("p. 50")));
    assert_eq!(got[3], (Short, None, s("p. 12")));
    assert_eq!(got[5], (Short, s("s3"), s("С. 60")));
    assert_eq!(got[6], (Ibid, s("s3"), None));
    let sobrados = doc.sources.iter().find(|s| s.id == "s2").expect("s2");
    assert!(
        sobrados.citation.starts_with("FREYRE, Gilberto"),
        "{}",
        sobrados.citation
    );
    assert_eq!(warnings(&doc), [("W-SHORT-UNRESOLVED", 9)]);

    let doc = footnotes(&[
        "Thomas Nipperdey, Deutsche Geschichte 1800–1866, München 1983, S. 11.",
        "Vgl. Hans-Ulrich Wehler, Deutsche Gesellschaftsgeschichte, Bd. 1, München 1987, S. 35.",
        "Nipperdey, a.a.O., S. 33.",
        "Carlo Ginzburg, *Il formaggio e i vermi*, Torino, Einaudi, 1976, p. 12.",
        "Ivi, p. 15.",
        "Ginzburg, *Il formaggio e i vermi*, cit., p. 44.",
        "Nipperdey (wie Anm. 1), S. 94.",
        "Louis Henkin, *How Nations Behave* (New York: Praeger, 1979), 47.",
        "Wehler, supra note 2, at 40.",
    ]);
    let got = resolved(&doc);
    assert_eq!(got[0].2.as_deref(), Some("S. 11"));
    assert_eq!(doc.sources.len(), 4, "{:?}", doc.sources);
    let wehler = got[1].1.clone();
    assert!(
        doc.sources
            .iter()
            .any(|s| Some(&s.id) == wehler.as_ref() && s.authors == ["Hans-Ulrich Wehler"]),
        "{:?}",
        doc.sources
    );
    assert_eq!(got[2], (Short, got[0].1.clone(), s("S. 33")));
    assert_eq!(got[4], (Ibid, got[3].1.clone(), s("p. 15")));
    assert_eq!(got[5], (Short, got[3].1.clone(), s("p. 44")));
    assert_eq!(got[6], (Short, got[0].1.clone(), s("S. 94")));
    assert_eq!(got[8], (Short, wehler, s("40")));
    assert_eq!(warnings(&doc), []);
}

/// DIN 1505's short form, the name and the title joined by a colon, is read as names
/// and a title: "Humboldt: Ansichten der Natur" is Humboldt's book, not Wulf's whose
/// title holds "Humboldt" and "der Natur".
#[test]
fn din_short_form_with_a_colon() {
    let doc = footnotes(&[
        "Vgl. Andrea Wulf: Alexander von Humboldt und die Erfindung der Natur. Übers. von Hainer Kober. München: C. Bertelsmann 2016, S. 23.",
        "Alexander von Humboldt: Ansichten der Natur, mit wissenschaftlichen Erläuterungen. Tübingen: Cotta 1808, S. 3.",
        "Humboldt: Ansichten der Natur, a.a.O., S. 17.",
        "Wulf: Erfindung der Natur, S. 40.",
        "Humboldt: Ansichten, S. 20.",
    ]);
    use NoteKind::Short;
    let got = resolved(&doc);
    assert_eq!(got[2], (Short, s("s2"), s("S. 17")));
    assert_eq!(got[3], (Short, s("s1"), s("S. 40")));
    assert_eq!(got[4], (Short, s("s2"), s("S. 20")));
    assert_eq!(warnings(&doc), []);
}

/// "Id." or "Idem" before a title is the author of the note above, not an Ibid: a
/// short form of that author's other work ("*Id.*, *L'Armée nouvelle*, op. cit.").
#[test]
fn idem_before_a_title_is_the_author_above() {
    let doc = footnotes(&[
        "Jean Jaurès, *Les Preuves. Affaire Dreyfus*, Paris, La Petite République, 1898, p. 12.",
        "Jean Jaurès, *L'Armée nouvelle*, Paris, Jules Rouff, 1911, p. 120.",
        "Jaurès, *Les Preuves*, op. cit., p. 5.",
        "*Id.*, *L'Armée nouvelle*, op. cit., p. 331.",
        "Jaurès, *Les Preuves*, op. cit., p. 7.",
        "Idem, *L'Armée nouvelle*, op. cit., p. 332.",
        "Id., p. 333.",
    ]);
    use NoteKind::{Ibid, Short};
    let got = resolved(&doc);
    assert_eq!(got[3], (Short, s("s2"), s("p. 331")));
    assert_eq!(got[5], (Short, s("s2"), s("p. 332")));
    assert_eq!(got[6], (Ibid, s("s2"), s("p. 333")));
    assert_eq!(warnings(&doc), []);
}

/// Commentary opened by a name, with commas inside, that brings in a full citation
/// after "; see": the note stays commentary and the citation is its source, whose
/// authors and title are the citation's, not the commentary's.
#[test]
fn commentary_opened_by_a_name_gets_the_citation_after_its_cue() {
    let doc = footnotes(&[
        "Babbage gave his own, rather self-serving, account in his memoirs; see Charles Babbage, *Passages from the Life of a Philosopher* (London: Longman, Green, 1864), 136.",
        "Babbage, *Passages*, 140.",
        "Varga, *The Salt Roads*, 12; see also Charles Babbage, *Passages from the Life of a Philosopher* (London: Longman, Green, 1864), 9.",
    ]);
    use NoteKind::{Footnote, Short};
    let notes = resolved(&doc);
    assert_eq!(notes[0], (Footnote, s("s1"), s("136")));
    assert_eq!(notes[1], (Short, s("s1"), s("140")));
    assert_ne!(
        notes[2].0, Footnote,
        "a citation before 'see also' is no commentary"
    );
    let babbage = &doc.sources[0];
    assert_eq!(babbage.authors, ["Babbage, Charles"]);
    assert_eq!(
        babbage.title.as_deref(),
        Some("Passages from the Life of a Philosopher")
    );
}

/// ABNT's "Id. Ibid." is the note above; "Id." before an Italian title with its
/// article ("Id., *Il sistema produttivo* cit.") is that author's other work.
#[test]
fn id_ibid_is_the_note_above_and_id_before_an_article_is_the_author() {
    let doc = footnotes(&[
        "MAGALHÃES JÚNIOR, Raimundo. *Vida e obra de Machado de Assis*. Rio de Janeiro: Civilização Brasileira, 1981. p. 45.",
        "Id. Ibid., p. 50.",
        "J. Rosselli, *L'impresario d'opera. Arte e affari nel teatro musicale italiano dell'Ottocento*, Torino, EDT, 1985, pp. 45-52.",
        "Id., *Il sistema produttivo, 1780-1880*, in *Storia dell'opera italiana*, a cura di L. Bianconi e G. Pestelli, vol. IV, Torino, EDT, 1987, pp. 77-165.",
        "Rosselli, *L'impresario d'opera* cit., p. 88.",
        "Id., *Il sistema produttivo* cit., p. 131.",
    ]);
    use NoteKind::{Ibid, Short};
    let got = resolved(&doc);
    assert_eq!(got[1], (Ibid, s("s1"), s("p. 50")));
    assert_eq!(got[4], (Short, s("s2"), s("p. 88")));
    assert_eq!(got[5], (Short, s("s3"), s("p. 131")));
    assert_eq!(warnings(&doc), []);
}

/// "apud" (ABNT) cites at second hand: the work after it is the one consulted.
#[test]
fn apud_cites_the_work_after_it() {
    let doc = footnotes(&[
        "BOSI, Alfredo. *Machado de Assis: o enigma do olhar*. São Paulo: Ática, 1999. p. 12.",
        "MAGALHÃES JÚNIOR, Raimundo. *Vida e obra de Machado de Assis*. Rio de Janeiro: Civilização Brasileira, 1981. v. 1, p. 45.",
        "ROMERO, Sílvio apud BOSI, op. cit., p. 30.",
        "NABUCO, Joaquim apud MAGALHÃES JÚNIOR, op. cit., v. 4, p. 330.",
    ]);
    let got = resolved(&doc);
    assert_eq!(got[2], (NoteKind::Short, s("s1"), s("p. 30")));
    assert_eq!(got[3], (NoteKind::Short, s("s2"), s("v. 4, p. 330")));
    assert_eq!(warnings(&doc), []);
}

/// A Dutch note whose prose runs into the name: "…in de Tweede Kamer Bosch, a.w.,
/// 70-78." cites Bosch's work; the capitals before the name are the parliament's.
#[test]
fn a_cited_cue_after_prose_finds_the_name_at_its_end() {
    let doc = footnotes(&[
        "Mineke Bosch, *Een onwrikbaar geloof in rechtvaardigheid. Aletta Jacobs 1854-1929* (Amsterdam: Balans, 2005), 45.",
        "Ulla Jansz, *Denken over sekse in de eerste feministische golf* (Amsterdam: Van Gennep, 1990), 112.",
        "Zie voor de reacties in de pers en in de Tweede Kamer Bosch, a.w., 70-78.",
    ]);
    let got = resolved(&doc);
    assert_eq!(got[2], (NoteKind::Short, s("s1"), s("70-78")));
    assert_eq!(warnings(&doc), []);
}
