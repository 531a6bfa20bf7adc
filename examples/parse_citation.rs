//! Shows how folio's citation parser reads references: each token's label, then the
//! fields. `cargo run --example parse_citation -- "Doe, J. (2001). Title. Press."`
//! (several arguments: several references; none: one reference per line of stdin).

use std::io::BufRead;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lines: Vec<String> = if args.is_empty() {
        std::io::stdin()
            .lock()
            .lines()
            .map_while(Result::ok)
            .collect()
    } else {
        args
    };
    for text in lines {
        println!("{text}");
        let labelled: Vec<String> = folio::cite::label(&text)
            .into_iter()
            .map(|(label, range)| format!("{}/{}", &text[range], label.name()))
            .collect();
        println!("  {}", labelled.join(" "));
        println!("  {:?}\n", folio::cite::parse(&text));
    }
}
