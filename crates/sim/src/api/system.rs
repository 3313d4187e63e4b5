//! `system.ping`: the cheapest call, answers `true`.

use crate::errors::ApiError;
use crate::value::Value;

use super::dispatch::Call;

pub fn ping(_call: &Call) -> Result<Value, ApiError> {
    Ok(Value::Bool(true))
}
