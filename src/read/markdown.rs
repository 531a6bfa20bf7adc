pub(super) fn read(_src: &super::Src, _start: usize, _doc: &mut crate::model::Document) {}
