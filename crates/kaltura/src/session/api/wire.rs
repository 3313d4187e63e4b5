//! `application/x-www-form-urlencoded` body writer with api_v3's `:` nesting and multirequest prefixes.

/// An ordered list of `key=value` pairs. Keys are fixed identifiers of this crate (never user text),
/// so only values are encoded.
#[derive(Default)]
pub(crate) struct FormBody {
    body: String,
}

impl FormBody {
    /// Every request starts with `format=1` (JSON; the server defaults to XML) and the client tag.
    pub(crate) fn new() -> Self {
        let mut body = FormBody::default();
        body.push("format", "1");
        body.push("clientTag", super::CLIENT_TAG);
        body
    }

    /// Goes on writing a finished body.
    pub(crate) fn from(body: String) -> Self {
        FormBody { body }
    }

    pub(crate) fn push(&mut self, key: &str, value: &str) -> &mut Self {
        if !self.body.is_empty() {
            self.body.push('&');
        }
        self.body.push_str(key);
        self.body.push('=');
        self.body.push_str(&crate::percent::form_value(value));
        self
    }

    /// Appends a call's parameters, prefixing each key with `N:` for multirequest step `N`.
    pub(crate) fn push_step(&mut self, index: usize, call: &Call) -> &mut Self {
        self.push(&format!("{index}:service"), call.service);
        self.push(&format!("{index}:action"), call.action);
        for (key, value) in &call.params {
            self.push(&format!("{index}:{key}"), value);
        }
        self
    }

    /// Appends a single call's parameters unprefixed.
    pub(crate) fn push_call(&mut self, call: &Call) -> &mut Self {
        for (key, value) in &call.params {
            self.push(key, value);
        }
        self
    }

    pub(crate) fn finish(self) -> String {
        self.body
    }
}

/// One api_v3 call: service, action and its parameters in wire order (empty optionals already dropped).
pub(crate) struct Call {
    pub(crate) service: &'static str,
    pub(crate) action: &'static str,
    pub(crate) params: Vec<(&'static str, String)>,
}

impl Call {
    pub(crate) fn new(service: &'static str, action: &'static str) -> Self {
        Call {
            service,
            action,
            params: Vec::new(),
        }
    }
    pub(crate) fn param(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.params.push((key, value.into()));
        self
    }
    pub(crate) fn optional(self, key: &'static str, value: &str) -> Self {
        if value.is_empty() {
            self
        } else {
            self.param(key, value)
        }
    }
}
