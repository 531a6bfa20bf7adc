//! Short forms read one at a time: names, titles, locators and the cues around them.

use super::super::read_cues::{LEAD_CUES, TRAILING_CLAUSES, supra_note};
use super::super::read_locator::*;
use super::*;

fn one(text: &str) -> (Vec<String>, Option<String>, Option<String>) {
    let r = read_short(text);
    let s = r.shorts.first().cloned().unwrap_or_default();
    (s.names, s.title, r.locator)
}

#[test]
fn chicago_short_note() {
    assert_eq!(
        one("Varga, Salt Roads, 23."),
        (
            vec!["varga".into()],
            Some("salt roads".into()),
            Some("23".into())
        )
    );
    assert_eq!(
        one("Cole and Hussain, “Defectors,” 4."),
        (
            vec!["cole".into(), "hussain".into()],
            Some("defectors".into()),
            Some("4".into())
        )
    );
    assert_eq!(
        one("Varga, Kiss, and Tóth, Salt Roads, 23."),
        (
            vec!["varga".into(), "kiss".into(), "tóth".into()],
            Some("salt roads".into()),
            Some("23".into())
        )
    );
}

#[test]
fn co_authors_joined_by_a_dash() {
    // Hungarian "i. m." after two family names joined by a dash.
    let r = read_short("Gortvay–Zoltán i. m. 130–135. o.");
    assert_eq!(r.shorts[0].names, ["gortvay", "zoltán"], "{r:?}");
    // A hyphen joins one double-barrelled name.
    assert_eq!(one("Lloyd-Jones, Salt Roads, 23.").0, ["lloyd jones"]);
    // A range of years is no pair of names.
    assert!(!is_names("1700–1850"));
}

#[test]
fn quotes_inside_an_italic_title() {
    // The text of "*Annotations to “Finnegans Wake”*, 236.", emphasis gone.
    assert_eq!(
        one("Annotations to “Finnegans Wake”, 236."),
        (
            vec![],
            Some("annotations to finnegans wake".into()),
            Some("236".into())
        )
    );
    assert_eq!(
        one("Spiegelberg, “Intention” und “Intentionalität” in, 462."),
        (
            vec!["spiegelberg".into()],
            Some("intention und intentionalität in".into()),
            Some("462".into())
        )
    );
    assert!(
        read_short("Van der Plaat, Seeking a “symbolism comprehensible”, 42.").shorts[0].shaped
    );
    // A title the quotes close, then more: not one title.
    assert_eq!(one("A. A. L., “Note G,” in [7], pp. 722-731.").1, None,);
}

#[test]
fn initials_and_commas_in_titles() {
    assert_eq!(
        one("Merat, A., Terrorists, cultists – or champions?"),
        (
            vec!["merat".into()],
            Some("terrorists cultists or champions".into()),
            None
        )
    );
    assert!(read_short("Merat, A., Terrorists, cultists").shorts[0].shaped);
}

#[test]
fn author_only_title_only_and_cues() {
    let r = read_short("Varga, 23.");
    assert_eq!(r.shorts.len(), 2, "{r:?}");
    assert_eq!(r.shorts[0].names, ["varga"]);
    assert_eq!(r.shorts[1].title.as_deref(), Some("varga"));
    let r = read_short("Charter of the Harbour Guilds, art. 12.");
    assert_eq!(r.locator.as_deref(), Some("art. 12"));
    let title_only = r.shorts.last().expect("a title-only reading");
    assert!(title_only.names.is_empty() && title_only.shaped);
    assert_eq!(one("Romero et al., 51.").0, ["romero"]);
    let r = read_short("Varga, op. cit., p. 4.");
    assert!(r.shorts[0].cited);
    assert_eq!(r.shorts[0].names, ["varga"]);
    assert_eq!(r.locator.as_deref(), Some("p. 4"));
    assert_eq!(one("See Varga, loc. cit.").0, ["varga"]);
}

#[test]
fn cue_lists_fit_the_one_pass_search() {
    // find_first takes at most 64 needles
    assert!(LEAD_CUES.len() <= 64 && TRAILING_CLAUSES.len() <= 64);
}

#[test]
fn supra_names_a_note() {
    assert_eq!(
        supra_note("Henkin, supra note 1, at 49."),
        Some((1, Some("49".into())))
    );
    assert_eq!(
        supra_note("Weber (wie Anm. 1), S. 94."),
        Some((1, Some("S. 94".into())))
    );
    assert_eq!(supra_note("Hathaway, supra note 5."), Some((5, None)));
    assert_eq!(
        supra_note("See U.N. Charter; Hathaway, supra note 5."),
        None
    );
    assert_eq!(supra_note("Supranational law, note 5."), None);
    assert_eq!(
        supra_note("Barrett (n 3) 560."),
        Some((3, Some("560".into())))
    );
    assert_eq!(
        supra_note("Donoghue (n 1) 580 (Lord Atkin)."),
        Some((1, Some("580".into())))
    );
    assert_eq!(supra_note("Trials (n 3 in all) agree."), None);
}

#[test]
fn mla_puts_the_page_after_the_name_or_title() {
    for (text, names, title, locator) in [
        ("Graham 465-70.", vec!["graham"], None, "465-70"),
        (
            "All the President's Men 71-73.",
            vec![],
            Some("all the president s men"),
            "71-73",
        ),
        (
            "Kutler, The Wars of Watergate 617-22.",
            vec!["kutler"],
            Some("the wars of watergate"),
            "617-22",
        ),
        (
            "Woodward and Bernstein 14-17.",
            vec!["woodward", "bernstein"],
            None,
            "14-17",
        ),
    ] {
        let r = read_short(text);
        assert_eq!(r.locator.as_deref(), Some(locator), "{text}");
        assert!(!r.full, "{text}");
        let fits = r.shorts.iter().any(|s| {
            s.shaped && s.names == names && s.title.as_deref() == title.or(s.title.as_deref())
        });
        assert!(fits, "{text}: {r:?}");
    }
    // A year, a sentence, a law report or a part of a text is no such page.
    for text in [
        "Graham 1997.",
        "The population was about 4000.",
        "United States v. Nixon, 418 U.S. 683",
        "See Chapter 5.",
        "Smith, John. The Book. Oxford University Press 45",
    ] {
        let r = read_short(text);
        assert!(
            r.locator.is_none() || !r.shorts.iter().any(|s| s.shaped),
            "{text}: {r:?}"
        );
    }
}

#[test]
fn cues_in_other_languages() {
    for (text, rest) in [
        (
            "Vgl. Hans-Ulrich Wehler, Bd. 1",
            "Hans-Ulrich Wehler, Bd. 1",
        ),
        ("Siehe Weber, S. 4.", "Weber, S. 4."),
        ("Voir Braudel, p. 4.", "Braudel, p. 4."),
        ("Véase Ortega, p. 4.", "Ortega, p. 4."),
        ("Cfr. Ginzburg, p. 4.", "Ginzburg, p. 4."),
        ("Bkz. Mardin, s. 4.", "Mardin, s. 4."),
        ("См. Лотман, с. 4.", "Лотман, с. 4."),
        ("On France see Sewell, 4.", "Sewell, 4."),
        ("Zie daarvoor Israel 1995, 796.", "Israel 1995, 796."),
        ("Zob. Biskup, s. 4.", "Biskup, s. 4."),
        ("Por. Kuhn, s. 4.", "Kuhn, s. 4."),
        ("Viz Novák, s. 4.", "Novák, s. 4."),
        ("Se även Heckscher, s. 4.", "Heckscher, s. 4."),
        ("Jf. Bull, s. 4.", "Bull, s. 4."),
        ("Lásd Szekfű, 4.", "Szekfű, 4."),
        ("Vö. Szekfű, 4.", "Szekfű, 4."),
        ("Vezi Iorga, p. 4.", "Iorga, p. 4."),
        ("Vegeu Vilar, p. 4.", "Vilar, p. 4."),
        ("Див. Грушевський, с. 4.", "Грушевський, с. 4."),
        ("Об этом см.: Лотман, с. 4.", "Лотман, с. 4."),
        ("See: Varga, 4.", "Varga, 4."),
        ("Se trata de Ortega, p. 4.", "Se trata de Ortega, p. 4."),
        ("Sewell, 4.", "Sewell, 4."),
        ("For the ports see also Hart, 12.", "Hart, 12."),
        ("Seeley, John. Expansion.", "Seeley, John. Expansion."),
        (
            "On Liberty. London, 1859. See p. 4.",
            "On Liberty. London, 1859. See p. 4.",
        ),
        ("Verne, Jules. Voyage.", "Verne, Jules. Voyage."),
    ] {
        assert_eq!(strip_lead_cue(text), rest, "{text}");
    }
}

#[test]
fn op_cit_in_other_languages() {
    for (text, name, locator) in [
        ("Nipperdey, a.a.O., S. 33.", "nipperdey", "S. 33"),
        ("Lewis, a.g.e., s. 240.", "lewis", "s. 240"),
        ("Mardin, a.g.m., s. 170.", "mardin", "s. 170"),
        ("Ключевский, указ. соч., с. 70.", "ключевский", "с. 70"),
        ("Лотман Ю. М. Указ. соч. С. 30.", "лотман", "С. 30"),
        (
            "Об этом см.: Зайденшнур Э. Е. Указ. соч. С. 380.",
            "зайденшнур",
            "С. 380",
        ),
        ("F. Furet, *op. cit.*, p. 113.", "furet", "p. 113"),
        ("Wasiutyński, dz. cyt., s. 300.", "wasiutyński", "s. 300"),
        ("Novák, cit. d., s. 12.", "novák", "s. 12"),
        ("Israel, a.w., blz. 12.", "israel", "blz. 12"),
        ("Israel, t.a.p., 12.", "israel", "12"),
        ("Szekfű, i. m., 40. old.", "szekfű", "40. old"),
        ("Iorga, lucr. cit., p. 7.", "iorga", "p. 7"),
        (
            "Galilei, *Sidereus nuncius* cit., cc. 17r-28r.",
            "galilei",
            "cc. 17r-28r",
        ),
        ("HOLANDA, ob. cit., p. 140.", "holanda", "p. 140"),
        ("Ginzburg, cit., p. 4.", "ginzburg", "p. 4"),
    ] {
        let r = read_short(text);
        assert!(r.shorts[0].cited, "{text}: {r:?}");
        assert_eq!(r.shorts[0].names, [name], "{text}");
        assert_eq!(r.locator.as_deref(), Some(locator), "{text}");
    }
    let r = read_short(
        "Su questo punto; mi limito a rinviare alla sintesi di Drake, *Galileo at Work* \
         cit., pp. 158-163.",
    );
    assert_eq!(r.shorts[0].names, ["drake"]);
    assert_eq!(r.shorts[0].title.as_deref(), Some("galileo at work"));
    assert_eq!(prose_tail("*Le Opere"), None);
    assert_eq!(prose_tail("la sintesi di Drake"), Some("Drake"));
    assert_eq!(prose_tail("Drake and the others"), None);
    let r = read_short("Galilei, *Sidereus nuncius* cit., cc. 17r-28r.");
    assert_eq!(r.shorts[0].title.as_deref(), Some("sidereus nuncius"));
    // capitalised, a Dutch or Hungarian cue is a person's initials
    assert!(
        !read_short("Smith, A.W., Harbours, 12.")
            .shorts
            .iter()
            .any(|s| s.cited)
    );
    // "cit. in" names where a quotation was found, no work cited before
    assert!(
        !read_short("Rossi, lettera cit. in Bianchi, Storia, 4.")
            .shorts
            .iter()
            .any(|s| s.cited)
    );
    let r = read_short("Ginzburg, *Il formaggio e i vermi*, cit., p. 44.");
    assert!(r.shorts[0].cited);
    assert_eq!(r.shorts[0].title.as_deref(), Some("il formaggio e i vermi"));
    assert!(
        !read_short("Citrine, Walter. Cities. 1940.")
            .shorts
            .iter()
            .any(|s| s.cited)
    );
}

#[test]
fn author_date_forms() {
    let dated = |text: &str| {
        let r = read_short(text);
        let s = r.shorts.first().cloned().unwrap_or_default();
        (s.names, s.year, r.locator)
    };
    assert_eq!(
        dated("Kurlansky 2002, p. 38."),
        (
            vec!["kurlansky".into()],
            Some("2002".into()),
            Some("p. 38".into())
        )
    );
    assert_eq!(
        dated("Cole and Hussain (2020a), 4."),
        (
            vec!["cole".into(), "hussain".into()],
            Some("2020a".into()),
            Some("4".into())
        )
    );
    assert_eq!(
        dated("Romero et al., 2019"),
        (vec!["romero".into()], Some("2019".into()), None)
    );
    assert_eq!(
        dated("World Health Organization 2019").0,
        ["world health organization"]
    );
    assert_eq!(
        dated("Hammel-Kiesow, Puhle & Wittenburg 2009, p. 77.").0,
        ["hammel kiesow", "puhle", "wittenburg"]
    );
    // "and" in the languages folio reads
    for (text, names) in [
        (
            "De Vries en Van der Woude 1995, 693–710.",
            ["de vries", "van der woude"],
        ),
        ("Conze und Kocka 1985, S. 4.", ["conze", "kocka"]),
        ("Furet et Richet 1965, p. 4.", ["furet", "richet"]),
        ("Tuñón y Lara 1980, 4.", ["tuñón", "lara"]),
        ("Romano e Tenenti 1967, p. 4.", ["romano", "tenenti"]),
        ("Kula i Topolski 1960, s. 4.", ["kula", "topolski"]),
        ("Heckscher och Hansen 1930, s. 4.", ["heckscher", "hansen"]),
        ("Bull og Hansen 1930, s. 4.", ["bull", "hansen"]),
        ("Novák a Svoboda 1999, s. 4.", ["novák", "svoboda"]),
        ("Szekfű és Hóman 1935, 4.", ["szekfű", "hóman"]),
        ("Гуревич и Лотман 1980, с. 4.", ["гуревич", "лотман"]),
    ] {
        assert_eq!(dated(text).0, names, "{text}");
    }
    // tried last, without the particles an inverted name puts after it
    let r = read_short("De Vries en Van der Woude 1995, 693–710.");
    let last = r.shorts.last().expect("readings");
    assert_eq!(last.names, ["vries", "woude"]);
    assert_eq!(last.year.as_deref(), Some("1995"));
    // A date is no author-date form, nor a year after a title.
    for text in [
        "The Guardian, 12 March 2019",
        "Salt roads of 1850, 4.",
        "Varga, 2012abc",
    ] {
        assert!(
            read_short(text).shorts.iter().all(|s| s.year.is_none()),
            "{text}"
        );
    }
}

#[test]
fn full_citations_are_not_shaped() {
    let r = read_short("Varga, Ilona. The Salt Roads. Szeged: Tisza Press, 2012.");
    assert!(r.shorts.iter().all(|s| !s.shaped), "{r:?}");
    assert!(
        read_short("Cole, “Defectors.” The Intercept, 2020.")
            .shorts
            .is_empty()
    );
    assert!(read_short("Doe, https://x.org, 4").shorts.is_empty());
    // DIN 1505: given names closed by a colon; a title with a colon stays short.
    let din = read_short("Clark, Hazel V.: Mesopotamia: Between two rivers.");
    assert!(din.shorts.iter().all(|s| !s.shaped), "{din:?}");
    let short = read_short("Varga, Salt Roads: A History, 23.");
    assert!(short.shorts.iter().any(|s| s.shaped), "{short:?}");
    // Given names spelled out before the colon, and no locator: a full citation.
    let din = read_short("Lemuelson, Erik: Text message to the author.");
    assert!(din.shorts.iter().all(|s| !s.shaped), "{din:?}");
    // Initials alone, a list of names, "u. a." for the rest.
    for din in [
        "O’Shea, M.: Understanding proactive behaviour.",
        "Apfelbaum, D. S: Letter to vincent marist.",
        "Petroff, M. D. ; Stapelbroek, M. G.: Blocked impurity band detectors.",
        "Hostetler, Michael J. ; Wingate, Julia E. ; u. a.: Alkanethiolate gold clusters.",
    ] {
        let r = read_short(din);
        assert!(r.shorts.iter().all(|s| !s.shaped), "{r:?}");
    }
    assert_eq!(locator_of("Press, 2014.").1, None);
    assert_eq!(locator_of("Hart, 12n3").1.as_deref(), Some("12n3"));
    for (text, head, locator) in [
        (
            "Ключевский В. О. Курс. М.: Мысль, 1987. С. 50.",
            "Ключевский В. О. Курс. М.: Мысль, 1987",
            "С. 50",
        ),
        (
            "HOLANDA, S. Raízes. Rio: Olympio, 1936. p. 101.",
            "HOLANDA, S. Raízes. Rio: Olympio, 1936",
            "p. 101",
        ),
        (
            "Berkes, Çağdaşlaşma, İstanbul, 1978, s. 12.",
            "Berkes, Çağdaşlaşma, İstanbul, 1978",
            "s. 12",
        ),
        (
            "Weber, Ethik, in: Aufsätze, S. 17–206, hier S. 37.",
            "Weber, Ethik, in: Aufsätze, S. 17–206",
            "S. 37",
        ),
    ] {
        assert_eq!(
            locator_of(text),
            (head, Some(locator.to_string())),
            "{text}"
        );
    }
}

#[test]
fn an_initial_before_the_name_is_kept_to_tell_namesakes_apart() {
    let first = |t: &str| read_short(t).shorts.into_iter().next().unwrap_or_default();
    let mla = first("C. Francis 112.");
    assert_eq!(
        (mla.names, mla.initial),
        (vec!["francis".to_string()], Some('c'))
    );
    assert_eq!(
        read_short("C. Francis 112.").locator.as_deref(),
        Some("112")
    );
    assert_eq!(first("J. Robinson, Mary Seacole, 98.").initial, Some('j'));
    assert_eq!(first("Merat, A., Title, 4.").initial, Some('a'));
    assert_eq!(first("Fry 60.").initial, None);
    // a law report is not a name with an initial
    assert_ne!(read_short("U.S. 683.").locator.as_deref(), Some("683"));
}

#[test]
fn a_citation_at_second_hand_cites_the_work_consulted() {
    use super::super::read_cues::strip_lead_cue;
    assert_eq!(
        strip_lead_cue("Zit. nach Wulf: Erfindung der Natur, S. 335."),
        "Wulf: Erfindung der Natur, S. 335."
    );
    assert_eq!(
        strip_lead_cue("Цит. по: Менделеева А. И. Указ. соч. С. 145."),
        "Менделеева А. И. Указ. соч. С. 145."
    );
    use super::super::read_cues::after_second_hand_cue;
    assert_eq!(
        after_second_hand_cue("Butler qtd. in C. Francis 221."),
        Some("C. Francis 221.")
    );
    assert_eq!(
        after_second_hand_cue("Jones to Smith, 1850, quoted in Varga, Salt Roads, 23."),
        Some("Varga, Salt Roads, 23.")
    );
    // a lowercase word after the cue is prose, not a citation
    assert_eq!(
        after_second_hand_cue("Often quoted in newspapers of the day."),
        None
    );
    assert_eq!(
        read_short("Butler qtd. in C. Francis 221.")
            .locator
            .as_deref(),
        Some("221")
    );
}
