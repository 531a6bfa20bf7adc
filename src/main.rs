fn main() {
    let _ = folio::model::Document::default();
}
