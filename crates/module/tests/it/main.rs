//! The module's native tests, one binary: the shared case table and each function's shapes.

mod cases;
mod functions;
