//! A tree sink that builds scraper's DOM and remembers the source line of every node.
//!
//! html5ever's tree builder tells its sink the tokenizer's current line before each token
//! (`set_current_line`); scraper's own sink ignores it. This wrapper delegates every call
//! to scraper's [`HtmlTreeSink`] and records, for each element it creates and each text
//! node it starts, the line the tokenizer was on. That is exact for what the parser saw,
//! unlike re-scanning the source for start tags, which would have to replay the parser's
//! error recovery (implied `<tbody>`, misnested tags) to stay in step (issue #5).
//!
//! The line of an element is the line where its start tag ends (a tag whose attributes
//! run over several lines reports its last line); elements the parser implies (`tbody`,
//! a missing `p`) get the line of the token that implied them. It must not change the
//! tree scraper would build.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

/// 1-based source lines of nodes, by node id.
pub(super) type NodeLines = HashMap<NodeId, u32>;

/// scraper's sink plus a line per node.
pub(super) struct LineSink {
    inner: HtmlTreeSink,
    line: Cell<u64>,
    lines: RefCell<NodeLines>,
}

impl LineSink {
    pub(super) fn new() -> LineSink {
        LineSink {
            inner: HtmlTreeSink::new(Html::new_document()),
            line: Cell::new(1),
            lines: RefCell::new(HashMap::new()),
        }
    }

    fn record(&self, id: NodeId) {
        let line = u32::try_from(self.line.get()).unwrap_or(u32::MAX);
        self.lines.borrow_mut().entry(id).or_insert(line);
    }

    /// After text was appended to `parent`: the line of its last child when that is a
    /// text node seen for the first time (later text merged into it keeps the first line).
    fn record_text(&self, parent: &NodeId) {
        let last = {
            let html = self.inner.0.borrow();
            html.tree
                .get(*parent)
                .and_then(|p| p.last_child())
                .filter(|c| c.value().is_text())
                .map(|c| c.id())
        };
        if let Some(id) = last {
            self.record(id);
        }
    }
}

impl TreeSink for LineSink {
    type Handle = NodeId;
    type Output = (Html, NodeLines);
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> (Html, NodeLines) {
        (self.inner.finish(), self.lines.into_inner())
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let id = self.inner.create_element(name, attrs, flags);
        self.record(id);
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let text = matches!(child, NodeOrText::AppendText(_));
        self.inner.append(parent, child);
        if text {
            self.record_text(parent);
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node);
    }

    fn pop(&self, node: &NodeId) {
        self.inner.pop(node);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn associate_with_form(
        &self,
        target: &NodeId,
        form: &NodeId,
        nodes: (&NodeId, Option<&NodeId>),
    ) {
        self.inner.associate_with_form(target, form, nodes);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }

    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number);
        self.inner.set_current_line(line_number);
    }

    fn allow_declarative_shadow_roots(&self, intended_parent: &NodeId) -> bool {
        self.inner.allow_declarative_shadow_roots(intended_parent)
    }

    fn attach_declarative_shadow(
        &self,
        location: &NodeId,
        template: &NodeId,
        attrs: &[Attribute],
    ) -> bool {
        self.inner
            .attach_declarative_shadow(location, template, attrs)
    }

    fn maybe_clone_an_option_into_selectedcontent(&self, option: &NodeId) {
        self.inner
            .maybe_clone_an_option_into_selectedcontent(option);
    }
}

/// Parses decoded HTML into scraper's DOM and the source line of each node.
pub(super) fn parse(text: &str) -> (Html, NodeLines) {
    use html5ever::tendril::TendrilSink;
    html5ever::driver::parse_document(LineSink::new(), Default::default()).one(text)
}
