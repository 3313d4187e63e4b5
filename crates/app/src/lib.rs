//! Kaltura Embed Studio page: one module per panel, one reducer per concern.
