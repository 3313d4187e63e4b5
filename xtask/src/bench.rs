//! `cargo xtask bench`: size and load-time benchmark (issue 5; a stub until then).

pub fn bench() -> Result<(), String> {
    println!("bench: not yet implemented");
    Ok(())
}
